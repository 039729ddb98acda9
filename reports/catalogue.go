package reports

// Catalogue is the shared catalogue of the network's indicators (the seed's national set
// of queries « où tout le monde peut puiser »): every indicator file with its header, its
// SQL as shipped, and its national value for the last computed exercice.
type Catalogue struct {
	Exercice  int    // the last computed exercice (0: none yet)
	SQLSHA256 string // version of the SQL set shipped (sqlfiles.Hash)
	Version   string // of the program
	Families  []Family
}

// Family is a group of indicators of the specification (A. Le réseau … I. Financement).
type Family struct {
	Title      string
	Indicators []Indicator
}

// Indicator is one indicator file of the catalogue.
type Indicator struct {
	ID, Title, Definition, Source, Unit string
	Levels                              []string // French names of the levels it is defined at
	File, SQL                           string   // path under sql/ and text, as shipped
	National                            Cell     // its national value (masked as published)
	Members                             []Member // for a file defining a family of ids (PNAE_*): each id
}

// Member is one id of a family file, with its title and national value.
type Member struct {
	ID, Title string
	National  Cell
}
