package ingest

import (
	"fmt"
	"strings"

	"bilan/internal/french"
)

// message writes an issue as the one French sentence users read, e.g.
// « Fichier evenements.csv, ligne 12, colonne « date_evenement » : la date « 31/02/2016 » n'existe pas. »
func message(i Issue) string {
	var where strings.Builder
	fmt.Fprintf(&where, "Fichier %s", i.File)
	if i.Sheet != "" {
		fmt.Fprintf(&where, ", feuille « %s »", i.Sheet)
	}
	if i.Line > 0 {
		fmt.Fprintf(&where, ", ligne %d", i.Line)
	}
	if i.Column != "" {
		fmt.Fprintf(&where, ", colonne « %s »", i.Column)
	}
	text := what(i)
	if i.Sheet != "" && i.Severity == Refuse { // a workbook is all or nothing
		for _, s := range []string{" ; ligne rejetée", " ; fichier refusé", " ; classeur refusé"} {
			text = strings.TrimSuffix(text, s)
		}
		text += " ; classeur refusé"
	}
	return where.String() + " : " + text + "."
}

func what(i Issue) string {
	v := i.Value
	switch d := i.Detail.(type) {
	case templated:
		if r := sqlRule(d.rule()); r != nil {
			return fromTemplate(r.Message, r.MessageNoValue, v, d.values())
		}
		return d.rule()
	case fieldCount:
		return fmt.Sprintf("la ligne compte %d champs alors que l'en-tête en compte %d ; ligne rejetée", d.Fields, d.Header)
	case fieldTooLong:
		return fmt.Sprintf("champ de plus de %d octets (valeur non reproduite) ; ligne rejetée", d.Limit)
	case noHeader:
		return fmt.Sprintf("la première ligne ne ressemble pas à un en-tête (les noms de colonnes %s… sont attendus) ; fichier refusé",
			strings.Join(d.Columns, ", "))
	case undecodable:
		return decodeReason(d) + " ; fichier refusé"
	case tooManyRejected:
		rejected := "lignes rejetées"
		if d.Rejected == 1 {
			rejected = "ligne rejetée"
		}
		threshold := strings.Replace(fmt.Sprintf("%g %%", d.Threshold*100), ".", ",", 1)
		return fmt.Sprintf("%d %s sur %d (%s), au-delà du seuil de %s ; fichier refusé",
			d.Rejected, rejected, d.Read, french.Share(d.Rejected, d.Read), threshold)
	case yearChange:
		sign := "+"
		if d.Current < d.Previous {
			sign = "−"
		}
		change := sign + french.Share(abs(d.Current-d.Previous), d.Previous)
		return fmt.Sprintf("la structure « %s » compte %d jeunes contre %d pour l'exercice %d (%s) : variation de plus de 30 %% à vérifier (avertissement)",
			v, d.Current, d.Previous, d.Exercice, change)
	case noSheet:
		return fmt.Sprintf("la feuille « %s » obligatoire est absente ; classeur refusé", d.Sheet)
	case mixedRegions:
		return fmt.Sprintf("le classeur liste des missions locales de plusieurs régions (%s) ; classeur refusé", strings.Join(d.Regions, ", "))
	case workbookOtherRegion:
		return fmt.Sprintf("la mission locale « %s » est rattachée à la région %s, pas à la région %s du classeur", v, d.Region, d.Workbook)
	case workbookDuplicate:
		return fmt.Sprintf("« %s » figure déjà ligne %d (une seule ligne chacun)", v, d.First)
	case actionRange:
		return fmt.Sprintf("« %s » n'est pas une action du PNAE (de 1 à %d)", v, d.Max)
	case answer:
		return fmt.Sprintf("« %s » n'est pas une réponse prévue (%s)", v, strings.Join(d.Choices, ", "))
	case costMismatch:
		return fmt.Sprintf("le coût total « %s » ne correspond pas à la somme des comptes 60, 61 et 62 (%s, écart de plus de 1 €)", v, french.Euros(d.Sum))
	case twoWorkbooks:
		return fmt.Sprintf("deuxième classeur de la région %s dans le lot (déjà : %s) ; lot refusé", d.Region, d.First)
	}
	if r := sqlRule(i.Rule); r != nil {
		return fromTemplate(r.Message, r.MessageNoValue, v, nil)
	}
	switch i.Rule {
	case RuleSyntax:
		return "guillemets mal placés ou non refermés ; ligne rejetée"
	case RuleUnknownColumn:
		if i.Column == "" {
			return "une colonne au nom inattendu (non reproduit), ignorée (avertissement)"
		}
		return "colonne inconnue, ignorée (avertissement)"
	case RuleMissingOptional:
		return "colonne facultative absente : valeurs laissées vides (avertissement)"
	case RuleMissingColumn:
		return "colonne obligatoire absente ; fichier refusé"
	case RuleDuplicateColumn:
		return "colonne présente deux fois dans l'en-tête ; fichier refusé"
	case RuleUnknownFile:
		return "nom de fichier non reconnu (attendu : referentiel_structures*, jeunes*, evenements*, mesures* en .csv ou .txt, ou un classeur ARML .xlsx) ; lot refusé"
	case RuleEmptyFile:
		return "fichier vide, sans ligne d'en-tête ; fichier refusé"
	case RuleNoData:
		return "aucune ligne de données sous l'en-tête (avertissement)"
	case RuleOpenQuote:
		return "guillemet ouvert et jamais refermé : toute la suite du fichier est illisible ; fichier refusé"
	case RuleWorkbookTooLarge:
		return fmt.Sprintf("classeur trop volumineux (plus de %d Mo une fois décompressé, ou plus de %d lignes dans une feuille) ; fichier refusé",
			maxWorkbookUnzipped>>20, maxWorkbookRows)
	case RuleNotWorkbook:
		return "ce n'est pas un classeur Excel (.xlsx) lisible ; fichier refusé"
	case RuleNoML:
		return "aucune mission locale du référentiel n'y est listée : la région du classeur ne peut être déduite ; classeur refusé"
	case RuleWorkbookTechnical:
		return fmt.Sprintf("« %s » est une structure technique, pas une mission locale", v)
	case RuleNotCount:
		return fmt.Sprintf("« %s » n'est pas un nombre entier", v)
	case RuleNotAmount:
		return fmt.Sprintf("« %s » n'est pas un nombre (par exemple 12,5 ou 384 700)", v)
	case RuleNegative:
		return fmt.Sprintf("la valeur « %s » est négative : un nombre positif ou nul est attendu", v)
	case RuleSurveyRows:
		return "l'enquête ne prend qu'une ligne de réponses ; cette deuxième ligne est en trop"
	}
	return i.Rule
}

// decodeReason says why a file could not be decoded.
func decodeReason(d undecodable) string {
	switch d.Fault {
	case faultNUL:
		return fmt.Sprintf("octet nul (octet n° %d du fichier) : ce n'est pas un fichier texte", d.Offset+1)
	case faultUTF16:
		return "fichier encodé en UTF-16 : l'enregistrer en UTF-8 ou en Windows-1252 (CSV)"
	case faultLongLine:
		return fmt.Sprintf("ligne de plus de %d octets : ce n'est pas un extrait I-milo", d.Limit)
	case faultUndefinedByte:
		return fmt.Sprintf("octet 0x%02X (octet n° %d du fichier) ni UTF-8 ni Windows-1252 : encodage illisible", d.Byte, d.Offset+1)
	}
	return "encodage illisible"
}

// fromTemplate fills a rule's French sentence (sql/validate): {valeur} is the value quoted,
// {1}, {2}… its details; without a value to quote, the sentence written for that case.
func fromTemplate(message, noValue, value string, details []string) string {
	if value == "" && noValue != "" {
		message = noValue
	}
	pairs := []string{"{valeur}", value}
	for k, d := range details {
		pairs = append(pairs, fmt.Sprintf("{%d}", k+1), d)
	}
	return strings.NewReplacer(pairs...).Replace(message)
}
