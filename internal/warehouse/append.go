//go:build duckdb_arrow

package warehouse

import (
	"context"
	"database/sql/driver"
	"errors"
	"fmt"
	"math/big"
	"reflect"
	"runtime"
	"strings"
	"sync/atomic"
	"time"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/decimal128"
	"github.com/apache/arrow-go/v18/arrow/memory"
	duckdb "github.com/duckdb/duckdb-go/v2"
)

// batchRows is the number of rows of one Arrow record batch handed to DuckDB.
const batchRows = 32 * 1024

// Append streams rows into table: fill calls add once per row, values in table column
// order (nil for NULL; int, string, bool, float64, time.Time, Decimal), copied at once so
// the caller may reuse its slice. The rows are gathered into Arrow record batches that
// DuckDB reads as one stream, through a single INSERT. Three things run at once on a
// large load: fill preparing rows, a goroutine building the Arrow columns of the rows
// before, and DuckDB inserting the batch before that; no value crosses from Go to C one
// at a time. A panic of fill ends the stream like an error, and Append returns it as one
// (with where it happened) once the INSERT has ended: the connection stays usable, and
// no goroutine of the call outlives it.
func (w *Warehouse) Append(ctx context.Context, table string, fill func(add func(...any) error) error) error {
	schema, err := w.arrowSchema(ctx, table)
	if err != nil {
		return err
	}
	return w.conn.Raw(func(dc any) error {
		conn := dc.(driver.Conn)
		ar, err := duckdb.NewArrowFromConn(conn)
		if err != nil {
			return fmt.Errorf("append %s: %w", table, err)
		}
		s := newStream(schema)
		defer s.Release()
		release, err := ar.RegisterView(s, "bilan_append")
		if err != nil {
			return fmt.Errorf("append %s: %w", table, err)
		}
		done := make(chan error, 1)
		go func() {
			_, err := conn.(driver.ExecerContext).ExecContext(ctx, "INSERT INTO "+table+" SELECT * FROM bilan_append", nil)
			s.stop()
			done <- err
		}()
		fillErr := fillSafely(table, fill, s.add)
		if err := s.close(fillErr == nil); fillErr == nil {
			fillErr = err
		}
		s.end(fillErr)
		insertErr := <-done
		s.drain()
		release() // only once the INSERT has read the whole stream
		_, dropErr := conn.(driver.ExecerContext).ExecContext(context.WithoutCancel(ctx), "DROP VIEW IF EXISTS bilan_append", nil)
		switch {
		case fillErr != nil && !errors.Is(fillErr, errStopped):
			return fillErr
		case insertErr != nil:
			return fmt.Errorf("append %s: %w", table, insertErr)
		case fillErr == nil && dropErr != nil:
			return fmt.Errorf("append %s: drop its view: %w", table, dropErr)
		}
		return fillErr
	})
}

// fillSafely runs fill, a panic of which becomes an error: panicking through
// database/sql's Raw would discard the connection with the INSERT still reading from the
// stream.
func fillSafely(table string, fill func(add func(...any) error) error, add func(...any) error) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("append %s: fill panicked%s: %v", table, panicSite(), p)
		}
	}()
	return fill(add)
}

// panicSite is " at file:line" of the code that panicked, called from a deferred
// function while panicking ("" when not found).
func panicSite() string {
	pc := make([]uintptr, 32)
	frames := runtime.CallersFrames(pc[:runtime.Callers(3, pc)]) // past Callers, panicSite, the deferred function
	for {
		f, more := frames.Next()
		if !strings.HasPrefix(f.Function, "runtime.") {
			return fmt.Sprintf(" at %s:%d", f.File, f.Line)
		}
		if !more {
			return ""
		}
	}
}

// arrowSchema is the Arrow schema of table's columns.
func (w *Warehouse) arrowSchema(ctx context.Context, table string) (*arrow.Schema, error) {
	rows, err := w.conn.QueryContext(ctx, `SELECT column_name, data_type FROM information_schema.columns
		WHERE table_name = ? ORDER BY ordinal_position`, table)
	if err != nil {
		return nil, fmt.Errorf("columns of %s: %w", table, err)
	}
	defer rows.Close()
	var fields []arrow.Field
	for rows.Next() {
		var name, typ string
		if err := rows.Scan(&name, &typ); err != nil {
			return nil, err
		}
		var precision, scale int32
		if _, err := fmt.Sscanf(typ, "DECIMAL(%d,%d)", &precision, &scale); err == nil {
			fields = append(fields, arrow.Field{Name: name, Type: &arrow.Decimal128Type{Precision: precision, Scale: scale}, Nullable: true})
			continue
		}
		t, ok := map[string]arrow.DataType{
			"INTEGER": arrow.PrimitiveTypes.Int32, "BIGINT": arrow.PrimitiveTypes.Int64, "DOUBLE": arrow.PrimitiveTypes.Float64,
			"VARCHAR": arrow.BinaryTypes.String, "BOOLEAN": arrow.FixedWidthTypes.Boolean, "DATE": arrow.FixedWidthTypes.Date32,
			"TIMESTAMP": arrow.FixedWidthTypes.Timestamp_us,
		}[typ]
		if !ok {
			return nil, fmt.Errorf("append %s: column %s of type %s not supported", table, name, typ)
		}
		fields = append(fields, arrow.Field{Name: name, Type: t, Nullable: true})
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if len(fields) == 0 {
		return nil, fmt.Errorf("append: no table %s", table)
	}
	return arrow.NewSchema(fields, nil), nil
}

// stream is an array.RecordReader fed by add: the producer's rows go, a chunk at a
// time, to a goroutine that builds them into record batches, which DuckDB pulls.
type stream struct {
	schema  *arrow.Schema
	builder *array.RecordBuilder
	chunk   []any      // values of the rows not handed over yet, row after row
	chunks  chan []any // full chunks, to the building goroutine
	free    chan []any // chunks built, for reuse
	built   chan error // the building goroutine's end
	batches chan arrow.RecordBatch
	stopped chan struct{} // closed when DuckDB reads no more
	current arrow.RecordBatch
	err     error // the producer's, reported to DuckDB at the end of the stream
	refs    atomic.Int64
}

func newStream(schema *arrow.Schema) *stream {
	s := &stream{schema: schema, builder: array.NewRecordBuilder(memory.DefaultAllocator, schema),
		chunks: make(chan []any, 1), free: make(chan []any, 2), built: make(chan error, 1),
		batches: make(chan arrow.RecordBatch, 2), stopped: make(chan struct{})}
	s.refs.Store(1)
	go func() { s.built <- s.build() }()
	return s
}

var errStopped = errors.New("DuckDB stopped reading the rows")

// add copies one row into the current chunk, and hands the chunk over when it is full.
func (s *stream) add(values ...any) error {
	n := s.schema.NumFields() // Fields() copies the slice: once per row was ~10 GB of garbage over 11 M events
	if len(values) != n {
		return fmt.Errorf("append: %d values for %d columns", len(values), n)
	}
	if s.chunk == nil {
		select {
		case s.chunk = <-s.free:
		default:
			s.chunk = make([]any, 0, batchRows*n)
		}
	}
	s.chunk = append(s.chunk, values...)
	if len(s.chunk) == batchRows*n {
		return s.handOver()
	}
	return nil
}

// handOver sends the current chunk to the building goroutine.
func (s *stream) handOver() error {
	select {
	case s.chunks <- s.chunk:
		s.chunk = nil
		return nil
	case err := <-s.built: // it stopped on an error, or DuckDB stopped reading
		s.built <- err
		return err
	}
}

// close hands over the last rows when flush is true, and returns once every row handed
// over is built and sent: with the building goroutine's error, if any.
func (s *stream) close(flush bool) error {
	var err error
	if flush && len(s.chunk) > 0 {
		err = s.handOver()
	}
	close(s.chunks)
	if e := <-s.built; err == nil {
		err = e
	}
	return err
}

// build turns each chunk into a record batch and hands it to DuckDB. After an error it
// reads no more: the producer learns it from built when it hands over its next chunk.
func (s *stream) build() error {
	fields := s.schema.Fields()
	for chunk := range s.chunks {
		for k, v := range chunk {
			i := k % len(fields)
			if err := appendValue(s.builder.Field(i), v); err != nil {
				return fmt.Errorf("append: column %s: %w", fields[i].Name, err)
			}
		}
		clear(chunk) // the boxed values can go
		select {
		case s.free <- chunk[:0]:
		default:
		}
		rec := s.builder.NewRecordBatch()
		select {
		case s.batches <- rec:
		case <-s.stopped:
			rec.Release()
			return errStopped
		}
	}
	return nil
}

// end closes the stream; err, if any, makes DuckDB's read (and so the INSERT) fail.
func (s *stream) end(err error) {
	s.err = err
	close(s.batches)
}

// stop is called once DuckDB has finished reading: a producer still adding gets
// errStopped instead of blocking. It starts nothing: the batches DuckDB left are released
// by drain.
func (s *stream) stop() {
	close(s.stopped)
}

// drain releases the batches DuckDB did not read, once the stream is ended (end) and
// DuckDB stopped reading (stop): nothing else reads them then.
func (s *stream) drain() {
	for rec := range s.batches {
		rec.Release()
	}
}

func (s *stream) Schema() *arrow.Schema { return s.schema }

func (s *stream) Next() bool {
	if s.current != nil {
		s.current.Release()
		s.current = nil
	}
	rec, ok := <-s.batches
	s.current = rec
	return ok
}

func (s *stream) RecordBatch() arrow.RecordBatch { return s.current }
func (s *stream) Record() arrow.RecordBatch      { return s.current }
func (s *stream) Err() error                     { return s.err }
func (s *stream) Retain()                        { s.refs.Add(1) }

func (s *stream) Release() {
	if s.refs.Add(-1) == 0 {
		if s.current != nil {
			s.current.Release()
			s.current = nil
		}
		s.builder.Release()
	}
}

// appendValue appends v to a column builder of the type arrowSchema gives.
func appendValue(b array.Builder, v any) error {
	if v == nil {
		b.AppendNull()
		return nil
	}
	switch v.(type) {
	case string, int, int32, int64, bool, float64, time.Time, Decimal:
	default: // a named type (type Rule string) as its base type
		switch rv := reflect.ValueOf(v); rv.Kind() {
		case reflect.String:
			v = rv.String()
		case reflect.Int:
			v = int(rv.Int())
		case reflect.Bool:
			v = rv.Bool()
		}
	}
	switch b := b.(type) {
	case *array.StringBuilder:
		if s, ok := v.(string); ok {
			b.Append(s)
			return nil
		}
	case *array.Int32Builder:
		switch n := v.(type) {
		case int:
			b.Append(int32(n))
			return nil
		case int32:
			b.Append(n)
			return nil
		}
	case *array.Int64Builder:
		switch n := v.(type) {
		case int:
			b.Append(int64(n))
			return nil
		case int64:
			b.Append(n)
			return nil
		}
	case *array.Float64Builder:
		if f, ok := v.(float64); ok {
			b.Append(f)
			return nil
		}
	case *array.BooleanBuilder:
		if x, ok := v.(bool); ok {
			b.Append(x)
			return nil
		}
	case *array.Date32Builder:
		if t, ok := v.(time.Time); ok {
			b.Append(arrow.Date32FromTime(t))
			return nil
		}
	case *array.Decimal128Builder:
		if d, ok := v.(Decimal); ok {
			scale := b.Type().(*arrow.Decimal128Type).Scale
			n := new(big.Int).Set(d.Value)
			ten := big.NewInt(10)
			for k := int32(d.Scale); k < scale; k++ {
				n.Mul(n, ten)
			}
			for k := int32(d.Scale); k > scale; k-- {
				if new(big.Int).Rem(n, ten).Sign() != 0 {
					return fmt.Errorf("%s has more than %d decimals", DecimalText(d, int(d.Scale)), scale)
				}
				n.Quo(n, ten)
			}
			b.Append(decimal128.FromBigInt(n))
			return nil
		}
	case *array.TimestampBuilder:
		if t, ok := v.(time.Time); ok {
			b.Append(arrow.Timestamp(t.UnixMicro()))
			return nil
		}
	}
	return fmt.Errorf("unexpected value of type %T for %s", v, b.Type())
}
