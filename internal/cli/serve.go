package cli

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"bilan/internal/serve"
	"bilan/internal/warehouse"
)

// cmdServe runs the upload service for ARML assistants (operations.md, "Upload service").
func cmdServe(ctx context.Context, e *env, args []string) error {
	var c common
	fs := newFlags(e, "serve", &c)
	addr := fs.String("addr", "127.0.0.1:8080", "adresse d'écoute")
	accounts := fs.String("comptes", "", "fichier des comptes (voir bilan compte)")
	dir := fs.String("depots", "var/depots", "dossier des fichiers déposés")
	out := fs.String("out", "var/bilans", "dossier des bilans publiés (un sous-dossier par exercice)")
	maxMo := fs.Int("taille-max", 200, "taille maximale d'un dépôt, en Mo")
	maxFiles := fs.Int("fichiers-max", 100, "nombre maximal de fichiers d'un dépôt")
	days := fs.Int("conservation", 0, "jours de conservation des fichiers déposés (0 : effacés dès le rapport écrit)")
	proxy := fs.String("proxy", "", "adresse du mandataire inverse de confiance (ses en-têtes X-Forwarded-* sont crus)")
	cert := fs.String("cert", "", "certificat TLS (PEM) : le service est alors servi en HTTPS")
	keyFile := fs.String("cle-tls", "", "clé privée TLS (PEM), avec --cert")
	if err := c.parse(fs, args, false); err != nil {
		return err
	}
	if *accounts == "" {
		return usagef(msgNeedAccounts)
	}
	if *maxMo < 1 {
		return usagef(msgBadMaxMo)
	}
	if *maxFiles < 1 || *days < 0 {
		return usagef(msgBadLimits)
	}
	if (*cert == "") != (*keyFile == "") {
		return usagef(msgCertAndKey)
	}
	acc, err := serve.LoadAccounts(*accounts)
	if err != nil {
		return usagef("%v", err)
	}
	key, err := c.key(e)
	if err != nil {
		return err
	}
	w, err := c.open(ctx)
	if err != nil {
		return err
	}
	defer w.Close()
	logger := slog.New(slog.NewTextHandler(e.stderr, nil)).With("service", "bilan serve")
	srv, err := serve.New(ctx, serve.Config{Warehouse: w, Accounts: acc, Dir: *dir, Out: *out, MaxBytes: int64(*maxMo) << 20,
		MaxFiles: *maxFiles, Retention: time.Duration(*days) * 24 * time.Hour, TrustedProxy: *proxy,
		Key: key, Threshold: c.settings.threshold, RefusalShare: c.settings.refusalShare, Logger: logger,
		Params: func(y int) warehouse.Params {
			return warehouse.Params{Exercice: y, JDIMois: c.settings.jdiMois, DateReference: c.settings.dateReference}
		}})
	if err != nil {
		return fmt.Errorf("start the upload service: %w", err)
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return usagef(msgCannotListen, *addr, err)
	}
	ctx, stop := signal.NotifyContext(ctx, syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	hs := &http.Server{Handler: srv.Handler(), ReadHeaderTimeout: 10 * time.Second, IdleTimeout: time.Minute}
	go func() {
		<-ctx.Done()
		shut, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		hs.Shutdown(shut)
	}()
	scheme := "http"
	if *cert != "" {
		scheme = "https"
	}
	fmt.Fprintf(e.stdout, msgServing, scheme, ln.Addr(), len(acc))
	if *cert != "" {
		err = hs.ServeTLS(ln, *cert, *keyFile)
	} else {
		err = hs.Serve(ln)
	}
	if !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve on %s: %w", ln.Addr(), err)
	}
	fmt.Fprintln(e.stdout, msgServeStopped)
	return nil
}

// cmdAccount prints the accounts-file line of an account, its password read on stdin.
func cmdAccount(ctx context.Context, e *env, args []string) error {
	var c common
	fs := newFlags(e, "compte", &c)
	id := fs.String("identifiant", "", "identifiant du compte")
	scope := fs.String("region", "", "code région de l'ARML, ou DMML")
	if err := c.parse(fs, args, false); err != nil {
		return err
	}
	if *id == "" || strings.ContainsAny(*id, "; \t") || *scope == "" {
		return usagef(msgNeedAccount)
	}
	line, _ := bufio.NewReader(e.stdin).ReadString('\n')
	password := strings.TrimRight(line, "\r\n")
	if len([]rune(password)) < 12 {
		return usagef(msgShortPassword)
	}
	out, err := serve.AccountLine(*id, *scope, password)
	if err != nil {
		return fmt.Errorf("account line of %s: %w", *id, err)
	}
	fmt.Fprintln(e.stdout, out)
	return nil
}
