package sqlfiles_test

import (
	"os"
	"testing"

	"bilan/internal/sqltest"
)

func TestMain(m *testing.M) {
	code := m.Run()
	sqltest.Cleanup()
	os.Exit(code)
}
