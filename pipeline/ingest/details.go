package ingest

import "encoding/gob"

// A Detail is what the sentence of an issue needs beyond its place and value: one type
// per rule, with named fields, so that a message cannot be written with a detail missing
// or of another rule. The detail names its rule: FileReport.add sets the Rule from
// it. Rules whose sentence needs nothing more have no detail.
//
// The types are unexported (only this package writes issues) but their fields are
// exported: the spill stores issues with encoding/gob.
type Detail interface {
	rule() string
}

// fieldCount: a row whose number of fields is not the header's.
type fieldCount struct{ Fields, Header int }

// fieldTooLong: a field longer than Limit bytes.
type fieldTooLong struct{ Limit int }

// noHeader: a first line that is not a header; Columns are the first required ones.
type noHeader struct{ Columns []string }

// decodeFault is why a file could not be decoded.
type decodeFault int

const (
	faultOther decodeFault = iota
	faultNUL
	faultUTF16
	faultLongLine
	faultUndefinedByte
)

// undecodable: a file that is not text in UTF-8 or Windows-1252; Offset is 0-based, Limit
// the longest line accepted (faultLongLine), Byte the byte met (faultUndefinedByte).
type undecodable struct {
	Fault  decodeFault
	Offset int64
	Byte   byte
	Limit  int
}

// tooManyRejected: Rejected rows of Read, beyond the share Threshold (0.02 for 2 %).
type tooManyRejected struct {
	Rejected, Read int
	Threshold      float64
}

// yearChange: a structure whose youths went from Previous (exercice Exercice) to Current.
type yearChange struct{ Current, Previous, Exercice int }

// noSheet: a workbook without its required sheet.
type noSheet struct{ Sheet string }

// mixedRegions: a workbook whose missions locales are of several regions.
type mixedRegions struct{ Regions []string }

// workbookOtherRegion: a mission locale of Region in a workbook of region Workbook.
type workbookOtherRegion struct{ Region, Workbook string }

// workbookDuplicate: a key given again, first given on line First.
type workbookDuplicate struct{ First int }

// actionRange: an action number outside 1…Max.
type actionRange struct{ Max int }

// answer: an answer that is none of Choices.
type answer struct{ Choices []string }

// costMismatch: a total cost that is not Sum, the sum of the accounts given.
type costMismatch struct{ Sum float64 }

// twoWorkbooks: a second workbook of Region in a batch, the first being First.
type twoWorkbooks struct{ Region, First string }

// outOfScope: the missions locales of a workbook are of Region, outside the batch's
// Scope. Its sentence is the SQL rule hors_region's ({1}, {2}).
type outOfScope struct{ Region, Scope string }

// sqlDetail: the details a row rule of sql/validate computed, its {1}, {2}… in the order
// of its « detail » header.
type sqlDetail struct {
	Rule   string
	Values []string
}

func (fieldCount) rule() string          { return RuleFieldCount }
func (fieldTooLong) rule() string        { return RuleLongField }
func (noHeader) rule() string            { return RuleNoHeader }
func (undecodable) rule() string         { return RuleDecode }
func (tooManyRejected) rule() string     { return RuleTooManyRejected }
func (yearChange) rule() string          { return RuleYearChange }
func (noSheet) rule() string             { return RuleNoSheet }
func (mixedRegions) rule() string        { return RuleMixedRegions }
func (workbookOtherRegion) rule() string { return RuleWorkbookOtherRegion }
func (workbookDuplicate) rule() string   { return RuleWorkbookDuplicate }
func (actionRange) rule() string         { return RuleAction }
func (answer) rule() string              { return RuleAnswer }
func (costMismatch) rule() string        { return RuleCostMismatch }
func (twoWorkbooks) rule() string        { return RuleTwoWorkbooks }
func (outOfScope) rule() string          { return RuleOtherRegion }
func (d sqlDetail) rule() string         { return d.Rule }

// templated is a detail whose sentence is a SQL rule's template.
type templated interface {
	Detail
	values() []string
}

func (d outOfScope) values() []string { return []string{d.Region, d.Scope} }
func (d sqlDetail) values() []string  { return d.Values }

// goDetails are the detail types of the rules Go checks, one value each.
var goDetails = []Detail{fieldCount{}, fieldTooLong{}, noHeader{}, undecodable{}, tooManyRejected{}, yearChange{},
	noSheet{}, mixedRegions{}, workbookOtherRegion{}, workbookDuplicate{}, actionRange{}, answer{},
	costMismatch{}, twoWorkbooks{}, outOfScope{}}

func init() {
	for _, d := range append(goDetails, sqlDetail{}) {
		gob.Register(d)
	}
}
