package ingest

import (
	"database/sql"
	"database/sql/driver"
	"fmt"
	"strings"
	"sync"

	"github.com/duckdb/duckdb-go/v2"

	"bilan/internal/pseudo"
)

// The key of a call reaches DuckDB as a handle, never as bytes: bilan_pseudonyme(id,
// handle) looks the handle up here and hashes in Go (pseudo.Pseudonymiser), so the key is
// in no SQL text, variable or table.
var keys = struct {
	sync.Mutex
	next  int32
	pools map[int32]*sync.Pool
}{pools: map[int32]*sync.Pool{}}

// useKey registers a call's key and returns its handle, and the function that forgets it.
func useKey(key []byte) (int32, func()) {
	keys.Lock()
	defer keys.Unlock()
	keys.next++
	h := keys.next
	keys.pools[h] = &sync.Pool{New: func() any { return pseudo.New(key) }}
	return h, func() {
		keys.Lock()
		delete(keys.pools, h)
		keys.Unlock()
	}
}

type pseudonymUDF struct{}

func (pseudonymUDF) Config() duckdb.ScalarFuncConfig {
	varchar, _ := duckdb.NewTypeInfo(duckdb.TYPE_VARCHAR)
	integer, _ := duckdb.NewTypeInfo(duckdb.TYPE_INTEGER)
	return duckdb.ScalarFuncConfig{InputTypeInfos: []duckdb.TypeInfo{varchar, integer}, ResultTypeInfo: varchar}
}

func (pseudonymUDF) Executor() duckdb.ScalarFuncExecutor {
	return duckdb.ScalarFuncExecutor{RowExecutor: func(values []driver.Value) (any, error) {
		id, _ := values[0].(string)
		h, _ := values[1].(int32)
		keys.Lock()
		pool := keys.pools[h]
		keys.Unlock()
		if pool == nil {
			return nil, fmt.Errorf("no pseudonymisation key for handle %d", h)
		}
		p := pool.Get().(*pseudo.Pseudonymiser)
		defer pool.Put(p)
		return p.ID(id), nil
	}}
}

// registerPseudonym makes bilan_pseudonyme known to the connection's database (once:
// a second registration is refused as existing).
func registerPseudonym(conn *sql.Conn) error {
	err := duckdb.RegisterScalarUDF(conn, "bilan_pseudonyme", pseudonymUDF{})
	if err != nil && !strings.Contains(err.Error(), "already exists") {
		return fmt.Errorf("register bilan_pseudonyme: %w", err)
	}
	return nil
}
