// Command bilan computes the yearly activity report of the missions locales.
package main

import (
	"context"
	"os"

	"bilan/internal/cli"
)

func main() {
	os.Exit(cli.Run(context.Background(), os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
