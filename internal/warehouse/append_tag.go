//go:build !duckdb_arrow

package warehouse

// Append hands rows to DuckDB as Arrow record batches, which duckdb-go compiles only with
// the build tag duckdb_arrow. The Makefile sets it (GOFLAGS); by hand, add
// -tags duckdb_arrow to go build, go test and go vet.
var _ = build_with_tags_duckdb_arrow
