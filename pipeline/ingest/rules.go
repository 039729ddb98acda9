package ingest

// structure is what the workbooks' checks need of a referential row.
type structure struct {
	region    string // Saint-Martin (10) already folded into Guadeloupe (01)
	technical bool
}

// checker holds what the checks of one ingest call share: the row rules run in SQL
// (validation), the workbooks' checks in Go read the referentials.
type checker struct {
	exercice     int
	scope        string
	structures   map[string]structure // the referential the rows of the call are checked against
	inForce      map[string]structure // the referential in force before the call
	perStructure map[string]int       // kept youths per structure, for the year-over-year warning
	validation   *validation
}
