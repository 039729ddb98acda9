package warehouse

import (
	"fmt"
	"os"
	"strings"
	"time"
)

// Trace prints on stderr how long a step that started at t0 took, when BILAN_TRACE is set:
// the statements of ingest and compute, the phases of publish (for profiling; what is
// traced names SQL or a step, never a row's value).
func Trace(t0 time.Time, what string) {
	if os.Getenv("BILAN_TRACE") != "" {
		fmt.Fprintf(os.Stderr, "%s %6.2fs %.90s\n", time.Now().Format("15:04:05.0"), time.Since(t0).Seconds(), strings.Join(strings.Fields(what), " "))
	}
}
