// Command mktemplate writes reports/xlsx/template.xlsx, the empty workbook every pack
// starts from: its [Content_Types].xml already lists, in a fixed order, every default
// extension excelize adds with a chart (else excelize adds them in Go map order and two
// runs differ). Run from the repository root: go run ./reports/xlsx/internal/mktemplate
package main

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"regexp"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

func main() {
	f := excelize.NewFile()
	f.NewSheet("tmp")
	f.SetCellFloat("tmp", "A1", 1, -1, 64)
	if err := f.AddChart("tmp", "C1", &excelize.Chart{Type: excelize.Bar, Series: []excelize.ChartSeries{{Values: "tmp!$A$1:$A$1"}}}); err != nil {
		panic(err)
	}
	if err := f.DeleteSheet("tmp"); err != nil {
		panic(err)
	}
	f.SetDocProps(&excelize.DocProperties{Created: "2000-01-01T00:00:00Z", Modified: "2000-01-01T00:00:00Z", Language: "fr-FR"})
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		panic(err)
	}
	// Drop the chart and drawing parts the deleted sheet left behind.
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		panic(err)
	}
	orphan := regexp.MustCompile(`<Override PartName="/xl/(charts|drawings)/[^"]*" ContentType="[^"]*"></Override>`)
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, e := range zr.File {
		if strings.HasPrefix(e.Name, "xl/charts/") || strings.HasPrefix(e.Name, "xl/drawings/") {
			continue
		}
		r, _ := e.Open()
		b, _ := io.ReadAll(r)
		if e.Name == "[Content_Types].xml" {
			b = orphan.ReplaceAll(b, nil)
		}
		w, _ := zw.CreateHeader(&zip.FileHeader{Name: e.Name, Method: zip.Deflate, Modified: time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)})
		w.Write(b)
	}
	zw.Close()
	if err := os.WriteFile("reports/xlsx/template.xlsx", out.Bytes(), 0o644); err != nil {
		panic(err)
	}
}
