package publish

import (
	"fmt"
	"strings"

	"bilan/pipeline/secret"
	"bilan/reports"
)

func (b *builder) methodology() reports.Section {
	d := b.d
	s := reports.Section{Title: "Méthodologie et qualité des données"}
	s.Paragraphs = append(s.Paragraphs,
		"Les indicateurs sont calculés par le programme bilan à partir des extraits I-milo déposés par les ARML et la DMML. "+
			"Les colonnes personnelles (nom, prénom, coordonnées, NIR…) sont supprimées au chargement et les identifiants "+
			"des jeunes sont pseudonymisés (HMAC-SHA-256 à clé secrète). Chaque définition ci-dessous est l'en-tête du fichier "+
			"SQL qui calcule l'indicateur.",
		fmt.Sprintf("Paramètres de ce calcul : les JDI sont les jeunes reçus en entretien, information collective ou atelier "+
			"dans les %d mois précédant le %s (inclus).", d.jdiMois, reports.FrenchDate(d.dateReference)),
		d.secrecyNote())
	defs := &reports.Table{Number: b.number(), Title: "Définitions des indicateurs", Sheet: "Définitions",
		Columns: []reports.Column{{Title: "Indicateur"}, {Title: "Définition"}}, Source: "fichiers sql/indicators du programme bilan"}
	families := map[string]bool{}
	for _, x := range d.catalogue {
		name := x.id + " – " + x.title
		if x.family != "" { // one row for the ids of a family file
			if families[x.family] {
				continue
			}
			families[x.family], name = true, x.family
		}
		defs.Rows = append(defs.Rows, []reports.Cell{reports.Str(name), reports.Str(x.definition + ". Source : " + x.source + ".")})
	}
	inputs := d.inputsTable(b.number(), b.reads)
	for _, in := range d.inputs {
		if b.reads(in.scope) {
			s.Paragraphs = append(s.Paragraphs, fmt.Sprintf("Empreinte SHA-256 de %s – %s (%s) : %s", scopeName(in.scope), in.kind, in.files,
				strings.ReplaceAll(in.hashes, "|", " ")))
		}
	}
	rejected := &reports.Table{Number: b.number(), Title: "Lignes rejetées par règle", Sheet: "Rejets",
		Columns: []reports.Column{{Title: "Lot"}, {Title: "Règle"}, {Title: "Lignes", Format: reports.Count}}, Source: "entrepôt bilan (table quarantine)"}
	for _, x := range d.rejected {
		if b.reads(x.scope) {
			rejected.Rows = append(rejected.Rows, []reports.Cell{reports.Str(scopeName(x.scope)), reports.Str(x.rule), reports.Num(float64(x.count), reports.Count)})
		}
	}
	checks := d.checksTable(b.number())
	s.Paragraphs = append(s.Paragraphs, d.breakdownNote(len(d.breakdowns)))
	breakdowns := &reports.Table{Number: b.number(), Title: "Contrôles des ventilations : pour chaque dimension, Σ modalités = effectif, à chaque territoire",
		Sheet: "Contrôles ventilations", Source: "calcul bilan (vue controles_ventilations)",
		Columns: []reports.Column{{Title: "Indicateur"}, {Title: "Cellules vérifiées", Format: reports.Count},
			{Title: "Écarts", Format: reports.Count}, {Title: "Résultat"}}}
	for _, c := range d.breakdowns {
		verdict := "cohérent"
		if !c.ok {
			verdict = "ÉCART (" + c.gaps + ")"
		}
		breakdowns.Rows = append(breakdowns.Rows, []reports.Cell{reports.Str(c.id), reports.Num(float64(c.cells), reports.Count),
			reports.Num(float64(c.differ), reports.Count), reports.Str(verdict)})
	}
	s.Tables = []*reports.Table{inputs, rejected, checks, breakdowns, defs}
	return s
}

// inputsTable lists the batches of the exercice whose scope reads accepts (nil: all).
func (d *data) inputsTable(number int, reads func(scope string) bool) *reports.Table {
	t := &reports.Table{Number: number, Title: "Fichiers chargés", Sheet: "Fichiers chargés",
		Columns: []reports.Column{{Title: "Lot"}, {Title: "Lignes lues", Format: reports.Count},
			{Title: "Chargées", Format: reports.Count}, {Title: "Rejetées", Format: reports.Count}},
		Source: "entrepôt bilan (table batches)"}
	if reads == nil { // a table of its own (the funders' workbook): the hashes in a column
		t.Columns = append(t.Columns, reports.Column{Title: "Empreintes SHA-256"})
	}
	for _, in := range d.inputs {
		if reads != nil && !reads(in.scope) {
			continue
		}
		row := []reports.Cell{reports.Str(fmt.Sprintf("%s – %s (%s)", scopeName(in.scope), in.kind, in.files)),
			reports.Num(float64(in.read), reports.Count), reports.Num(float64(in.loaded), reports.Count), reports.Num(float64(in.rejected), reports.Count)}
		if reads == nil {
			row = append(row, reports.Str(strings.ReplaceAll(in.hashes, "|", " ")))
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// checksTable is the consistency checks France = Σ régions = Σ départements = Σ missions
// locales, masked for an indicator whose France total is masked.
func (d *data) checksTable(number int) *reports.Table {
	checks := &reports.Table{Number: number, Title: "Contrôles de cohérence : France = Σ régions = Σ départements = Σ missions locales",
		Sheet: "Contrôles", Source: "calcul bilan (vue controles_coherence)",
		Columns: []reports.Column{{Title: "Indicateur"}, {Title: "France", Format: reports.Count}, {Title: "Σ régions", Format: reports.Count},
			{Title: "Σ départements", Format: reports.Count}, {Title: "Σ missions locales", Format: reports.Count}, {Title: "Résultat"}}}
	for _, c := range d.checks {
		verdict := "cohérent"
		if !c.ok {
			verdict = "ÉCART"
		}
		row := []reports.Cell{reports.Str(c.id)}
		_, hidden := d.cost.Masked[secret.Cell{Exercice: d.exercice, Indicator: c.id, Level: "national", Code: "FR"}] // the sums would give the masked total away
		for _, v := range c.sums {
			if hidden {
				row = append(row, reports.Secret(reports.Count))
				continue
			}
			if v == nil {
				row = append(row, reports.NA(reports.Count))
			} else {
				row = append(row, reports.Num(*v, reports.Count))
			}
		}
		checks.Rows = append(checks.Rows, append(row, reports.Str(verdict)))
	}
	return checks
}

// method is the methodology of the funders' workbook, one line per topic.
func (d *data) method(number int) *reports.Table {
	t := &reports.Table{Number: number, Title: "Méthodologie", Sheet: "Méthodologie", Source: "programme bilan",
		Columns: []reports.Column{{Title: "Rubrique"}, {Title: "Contenu"}}}
	for _, l := range [][2]string{
		{"Sources", "Extraits I-milo (jeunes, événements, mesures) et référentiel des structures, déposés par les ARML et la DMML ; " +
			"classeurs des ARML (structures, financement, enquête sur la stratégie numérique, suivi du PNAE)."},
		{"Données personnelles", "Les colonnes personnelles (nom, prénom, coordonnées, NIR…) sont supprimées au chargement et les " +
			"identifiants des jeunes sont pseudonymisés (HMAC-SHA-256 à clé secrète)."},
		{"Calcul", "Chaque indicateur est calculé par un fichier SQL du programme bilan, dont l'en-tête donne la définition (feuille Notes). " +
			fmt.Sprintf("Les JDI sont les jeunes reçus en entretien, information collective ou atelier dans les %d mois précédant le %s (inclus).",
				d.jdiMois, reports.FrenchDate(d.dateReference))},
		{"Secret statistique", d.secrecyNote()},
		{"Fichiers chargés", "La feuille « Fichiers chargés » donne chaque lot de l'exercice, ses lignes lues, chargées et rejetées et l'empreinte SHA-256 de chaque fichier."},
		{"Contrôles", "La feuille « Contrôles » vérifie pour chaque indicateur que la France est la somme des régions, des départements et des missions locales."},
		{"Colonnes", "Chaque colonne d'indicateur porte son titre et son unité, puis, sur la ligne suivante, son identifiant (celui des fichiers des analystes et de la feuille Notes)."},
	} {
		t.Rows = append(t.Rows, []reports.Cell{reports.Str(l[0]), reports.Str(l[1])})
	}
	return t
}

// reads tells whether the report's figures read the batches of scope: every batch for the
// national report; a region's own batches and the national ones for a regional report.
func (b *builder) reads(scope string) bool {
	return b.s.niveau == "national" || scope == b.s.code || scope == "national"
}

func scopeName(scope string) string {
	if scope == "national" {
		return "national"
	}
	return "région " + scope
}

// breakdownNote says how the youth counts are broken down in the analysts' files.
func (d *data) breakdownNote(counts int) string {
	var dims []string
	for _, x := range d.dimensions {
		dims = append(dims, x.label+" ("+x.modalities+")")
	}
	return fmt.Sprintf("Ventilations (fichiers analystes/indicateurs_ventiles.csv et .parquet, diffusion restreinte, valeurs exactes) : "+
		"chacun des %d effectifs de jeunes est ventilé, à chaque niveau, par %s. Chaque jeune a une modalité par dimension, "+
		"« inconnu » quand la donnée manque ou que son code n'est pas reconnu ; en France, un jeune présent dans les lots de "+
		"plusieurs régions compte une fois, avec les modalités de sa mission locale de plus petit code. Le tableau « Contrôles "+
		"des ventilations » vérifie que, pour chaque dimension et à chaque territoire, la somme des modalités est égale à l'effectif.",
		counts, strings.Join(dims, " ; "))
}

// secrecyNote explains the secrecy rule and how many cells it masked.
func (d *data) secrecyNote() string {
	return fmt.Sprintf("Secret statistique : les effectifs de jeunes, d'événements, de mesures et de parrains compris entre 1 et %d "+
		"sont masqués (« s », secret primaire) à tous les niveaux, France comprise ; 0 est publié. Toutes les cellules publiées "+
		"ensemble (tous les tableaux du bilan national, des bilans régionaux et du classeur des financeurs, les deux exercices, "+
		"les taux, parts, évolutions et financements par jeune avec leur arrondi et les populations qu'ils divisent) forment un "+
		"seul système : une région est la somme de ses missions locales, la France celle des régions, un taux publié livre "+
		"son numérateur et son dénominateur, et dans les tableaux de profils chaque case (sexe et âge, niveau de formation) est "+
		"un effectif, les cases d'une ligne s'additionnant pour donner l'effectif qu'elles ventilent. Une cellule n'est publiée que si aucune combinaison des cellules publiées ne permet "+
		"de recalculer une cellule masquée (secret secondaire, par élimination de Gauss) ; sinon elle est masquée à son tour, "+
		"partout où elle paraît. Un attaquant indépendant relit ensuite les classeurs publiés et vérifie qu'il ne retrouve "+
		"aucune valeur masquée. Pour cet exercice : %d cellules masquées par le secret primaire, %d par le secret secondaire.",
		d.threshold-1, d.cost.Primary, d.cost.Secondary)
}
