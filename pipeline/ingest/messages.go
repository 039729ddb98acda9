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
	if r := sqlRule(i.Rule); r != nil {
		return fromTemplate(r.Message, r.MessageNoValue, i)
	}
	arg := func(k int) any {
		if k < len(i.Args) {
			return i.Args[k]
		}
		return ""
	}
	switch i.Rule {
	case RuleFieldCount:
		return fmt.Sprintf("la ligne compte %v champs alors que l'en-tête en compte %v ; ligne rejetée", arg(0), arg(1))
	case RuleLongField:
		return fmt.Sprintf("champ de plus de %v octets (valeur non reproduite) ; ligne rejetée", arg(0))
	case RuleSyntax:
		return "guillemets mal placés ou non refermés ; ligne rejetée"
	case RuleUnknownColumn:
		if i.Column == "" {
			return "une colonne au nom inattendu (non reproduit), ignorée (avertissement)"
		}
		return "colonne inconnue, ignorée (avertissement)"
	case RuleNoHeader:
		return fmt.Sprintf("la première ligne ne ressemble pas à un en-tête (les noms de colonnes %v sont attendus) ; fichier refusé", arg(0))
	case RuleMissingOptional:
		return "colonne facultative absente : valeurs laissées vides (avertissement)"
	case RuleDecode:
		return fmt.Sprintf("%v ; fichier refusé", arg(0))
	case RuleMissingColumn:
		return "colonne obligatoire absente ; fichier refusé"
	case RuleDuplicateColumn:
		return "colonne présente deux fois dans l'en-tête ; fichier refusé"
	case RuleTooManyRejected:
		rejected := "lignes rejetées"
		if arg(0) == 1 {
			rejected = "ligne rejetée"
		}
		own, _ := arg(0).(int)
		read, _ := arg(1).(int)
		return fmt.Sprintf("%v %s sur %v (%s), au-delà du seuil de %s ; fichier refusé",
			own, rejected, read, french.Share(own, read), arg(2))
	case RuleUnknownFile:
		return "nom de fichier non reconnu (attendu : referentiel_structures*, jeunes*, evenements*, mesures* en .csv ou .txt, ou un classeur ARML .xlsx) ; lot refusé"
	case RuleEmptyFile:
		return "fichier vide, sans ligne d'en-tête ; fichier refusé"
	case RuleNoData:
		return "aucune ligne de données sous l'en-tête (avertissement)"
	case RuleYearChange:
		return fmt.Sprintf("la structure « %s » compte %v jeunes contre %v pour l'exercice %v (%s) : variation de plus de 30 %% à vérifier (avertissement)",
			v, arg(0), arg(1), arg(2), arg(3))
	case RuleOpenQuote:
		return "guillemet ouvert et jamais refermé : toute la suite du fichier est illisible ; fichier refusé"
	case RuleWorkbookTooLarge:
		return fmt.Sprintf("classeur trop volumineux (plus de %v Mo une fois décompressé, ou plus de %v lignes dans une feuille) ; fichier refusé", arg(0), arg(1))
	case RuleNotWorkbook:
		return "ce n'est pas un classeur Excel (.xlsx) lisible ; fichier refusé"
	case RuleNoSheet:
		return fmt.Sprintf("la feuille « %v » obligatoire est absente ; classeur refusé", arg(0))
	case RuleMixedRegions:
		return fmt.Sprintf("le classeur liste des missions locales de plusieurs régions (%v) ; classeur refusé", arg(0))
	case RuleNoML:
		return "aucune mission locale du référentiel n'y est listée : la région du classeur ne peut être déduite ; classeur refusé"
	case RuleWorkbookTechnical:
		return fmt.Sprintf("« %s » est une structure technique, pas une mission locale", v)
	case RuleWorkbookOtherRegion:
		return fmt.Sprintf("la mission locale « %s » est rattachée à la région %v, pas à la région %v du classeur", v, arg(0), arg(1))
	case RuleWorkbookDuplicate:
		return fmt.Sprintf("« %s » figure déjà ligne %v (une seule ligne chacun)", v, arg(0))
	case RuleNotCount:
		return fmt.Sprintf("« %s » n'est pas un nombre entier", v)
	case RuleNotAmount:
		return fmt.Sprintf("« %s » n'est pas un nombre (par exemple 12,5 ou 384 700)", v)
	case RuleNegative:
		return fmt.Sprintf("la valeur « %s » est négative : un nombre positif ou nul est attendu", v)
	case RuleAction:
		return fmt.Sprintf("« %s » n'est pas une action du PNAE (de 1 à %v)", v, arg(0))
	case RuleAnswer:
		return fmt.Sprintf("« %s » n'est pas une réponse prévue (%v)", v, arg(0))
	case RuleSurveyRows:
		return "l'enquête ne prend qu'une ligne de réponses ; cette deuxième ligne est en trop"
	case RuleCostMismatch:
		sum, _ := arg(0).(float64)
		return fmt.Sprintf("le coût total « %s » ne correspond pas à la somme des comptes 60, 61 et 62 (%s, écart de plus de 1 €)", v, french.Euros(sum))
	case RuleTwoWorkbooks:
		return fmt.Sprintf("deuxième classeur de la région %v dans le lot (déjà : %v) ; lot refusé", arg(0), arg(1))
	}
	return i.Rule
}

// fromTemplate fills a rule's French sentence (sql/validate): {valeur} is the value quoted,
// {1}, {2}… its details; without a value to quote, the sentence written for that case.
func fromTemplate(message, noValue string, i Issue) string {
	if i.Value == "" && noValue != "" {
		message = noValue
	}
	pairs := []string{"{valeur}", i.Value}
	for k, a := range i.Args {
		pairs = append(pairs, fmt.Sprintf("{%d}", k+1), fmt.Sprint(a))
	}
	return strings.NewReplacer(pairs...).Replace(message)
}
