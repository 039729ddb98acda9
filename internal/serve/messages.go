package serve

import (
	"fmt"
	"net/http"
	"time"
)

// What the service says in French outside its templates (templates/*.html): page titles,
// error messages and notices, and how it writes dates, sizes and waits. As
// pipeline/ingest/messages.go does for validation, this is the one file to read or change
// them (a test checks that no other file writes French); the code names them.

// Titles of the pages.
const (
	titleSignIn = "Connexion"
	titleError  = "Erreur"
)

func titleRegion(name string) string { return "Dépôts – " + name }
func titleReport(id int) string      { return fmt.Sprintf("Rapport du dépôt n° %d", id) }
func titleDMML(year int) string      { return fmt.Sprintf("État des dépôts %d", year) }

// statusTitles are the French titles of the error pages.
var statusTitles = map[int]string{
	http.StatusBadRequest:            "Demande invalide",
	http.StatusUnauthorized:          "Connexion refusée",
	http.StatusForbidden:             "Accès refusé",
	http.StatusNotFound:              "Page introuvable",
	http.StatusMethodNotAllowed:      "Action impossible",
	http.StatusRequestEntityTooLarge: "Envoi trop volumineux",
	http.StatusTooManyRequests:       "Trop d'essais",
	http.StatusInternalServerError:   "Erreur interne",
}

// Messages of the error pages and forms.
const (
	msgNoPage           = "Cette page n'existe pas."
	msgNoRegion         = "Cette région n'existe pas."
	msgNoUpload         = "Ce dépôt n'existe pas."
	msgNoDocument       = "Ce document n'existe pas."
	msgOtherRegion      = "Ce compte n'a pas accès aux fichiers de cette région."
	msgDMMLOnly         = "Cette page est réservée à la DMML."
	msgPublishDMMLOnly  = "Seule la DMML lance le calcul et la publication."
	msgSessionExpired   = "Session expirée ou absente : reconnectez-vous."
	msgFormExpired      = "Formulaire expiré ou invalide : rechargez la page."
	msgSignInExpired    = "Formulaire expiré ou invalide : rechargez la page de connexion."
	msgBadCredentials   = "Identifiant ou mot de passe incorrect."
	msgBadExercice      = "Exercice invalide."
	msgBadHistoryPage   = "Page de l'historique invalide."
	msgInternal         = "Erreur interne : l'opération n'a pas abouti. Prévenez la DMML."
	msgUnreadableUpload = "Envoi illisible : utilisez le formulaire de dépôt."
	msgBrokenUpload     = "Envoi interrompu ou illisible : recommencez."
	msgInterrupted      = "Envoi interrompu : recommencez."
	msgExerciceFirst    = "Choisissez l'exercice avant les fichiers : utilisez le formulaire de dépôt."
	msgChooseExercice   = "Choisissez l'exercice."
	msgNoFile           = "Aucun fichier choisi."
	msgUploadFailed     = "Le dépôt n'a pas pu être traité ; rien n'a été chargé. Réessayez ou prévenez la DMML."
)

func msgTooLarge(max int64) string {
	return fmt.Sprintf("Envoi trop volumineux : %s au plus par dépôt.", size(max))
}

func msgTooManyFiles(max int) string {
	return fmt.Sprintf("Trop de fichiers : %d au plus par dépôt.", max)
}

// msgThrottled: sign-in attempts refused for wait, for the pair or (flood) the address.
func msgThrottled(wait time.Duration, flood bool) string {
	if flood {
		return fmt.Sprintf("Trop d'essais infructueux depuis cette adresse : réessayez dans %s.", frenchDuration(wait))
	}
	return fmt.Sprintf("Trop d'essais infructueux : réessayez dans %s.", frenchDuration(wait))
}

// msgNoReportYet: no report of the region published, for /region/R/bilan.
const msgNoReportYet = "Aucun bilan de la région n'a encore été publié par la DMML."

func msgNotPublished(year int) string {
	return fmt.Sprintf("Le bilan %d de la région n'a pas encore été publié par la DMML.", year)
}

func msgNothingToPublish(year int) string {
	return fmt.Sprintf("Aucun fichier n'est chargé pour l'exercice %d : rien à calculer ni à publier.", year)
}

// keptNotice says what the service keeps of the files sent.
func keptNotice(retention time.Duration) string {
	if retention <= 0 {
		return "Les fichiers déposés sont effacés dès que le dépôt est chargé ou refusé ; seuls restent leur empreinte SHA-256 et le rapport de validation."
	}
	return fmt.Sprintf("Les fichiers déposés sont conservés %d jours après leur dépôt, puis effacés ; leur empreinte SHA-256 et le rapport de validation restent.",
		int(retention.Hours()/24+0.5))
}

// unnamedFile names a file the client sent without a usable name.
const unnamedFile = "fichier"

// Errors of the accounts file, shown by `bilan serve` to whoever starts it.
func errAccountsUnreadable(path string) error {
	return fmt.Errorf("fichier des comptes « %s » illisible", path)
}

func errAccountLine(path string, n int) error {
	return fmt.Errorf("%s, ligne %d : attendu « identifiant;région ou DMML;empreinte »", path, n)
}

func errAccountHash(path string, n int, id string) error {
	return fmt.Errorf("%s, ligne %d : l'empreinte du compte « %s » n'est pas une empreinte bcrypt", path, n, id)
}

func errAccountTwice(path string, n int, id string) error {
	return fmt.Errorf("%s, ligne %d : compte « %s » déjà défini", path, n, id)
}

// pageDate writes a time of the pages, in Paris: « 14/03/2017 à 09:05 ».
func pageDate(t time.Time) string { return t.In(paris).Format("02/01/2006 à 15:04") }

// short cuts a long value (a SHA-256) to its first 12 characters.
func short(s string) string {
	if len(s) > 12 {
		return s[:12] + "…"
	}
	return s
}

// frenchDuration writes a wait in seconds or minutes.
func frenchDuration(d time.Duration) string {
	if d < time.Minute {
		return fmt.Sprintf("%d s", int(d.Seconds())+1)
	}
	return fmt.Sprintf("%d min", int(d.Minutes())+1)
}

// size writes a byte count the French way.
func size(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%d Mo", n>>20)
	case n >= 1<<10:
		return fmt.Sprintf("%d ko", n>>10)
	}
	return fmt.Sprintf("%d octets", n)
}
