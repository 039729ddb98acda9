// Command bilan computes the yearly activity report of the missions locales.
package main

import (
	"context"
	"os"
	"runtime/pprof"

	"bilan/internal/cli"
)

func main() {
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
