// Command bilan computes the yearly activity report of the missions locales.
package main

import (
	"context"
	"os"
	"runtime/debug"
	"runtime/pprof"

	"bilan/internal/cli"
)

// The Go heap of a command is small beside DuckDB's memory, and its garbage collection
// took an eighth of publish's CPU: it runs when the heap has grown fivefold (GOGC=400), or
// sooner when it nears 1 GiB (DuckDB's memory is not counted). GOGC and GOMEMLIMIT, when
// set, decide instead.
func tuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(1 << 30)
	}
}

func main() {
	tuneGC()
	// BILAN_CPUPROFILE=file writes a CPU profile of the command (for `go tool pprof`).
	if p := os.Getenv("BILAN_CPUPROFILE"); p != "" {
		if f, err := os.Create(p); err == nil && pprof.StartCPUProfile(f) == nil {
			code := cli.Run(context.Background(), os.Args[1:], os.Getenv, os.Stdin, os.Stdout, os.Stderr)
			pprof.StopCPUProfile()
			f.Close()
			os.Exit(code)
		}
	}
	os.Exit(cli.Run(context.Background(), os.Args[1:], os.Getenv, os.Stdin, os.Stdout, os.Stderr))
}
