// Package version tells which build of bilan wrote an output (set by the Makefile with
// -ldflags "-X bilan/internal/version.Commit=…").
package version

// Version is the software version; Commit the git commit it was built from.
var (
	Version = "0.1.0"
	Commit  = "inconnu"
)
