# bilan — see README.md. `make demo` runs the whole yearly batch on the demo fixtures,
# `make test` runs every test (what .ci/run calls).

BIN      := bin/bilan
YEAR     := 2016
DEMO     := fixtures/demo
# The demo uses a fixed, public test key: never use it for real extracts.
DEMO_ENV := BILAN_CLE_PSEUDO=demo-cle-de-test-non-secrete-0123456789 BILAN_WAREHOUSE=var/demo.duckdb

# Arrow in duckdb-go (warehouse.Append) needs this build tag for every go command.
export GOFLAGS := -tags=duckdb_arrow

.PHONY: build test fuzz demo fixtures calibration update fmt vet check bench clean web

# The State's design system (DSFR) for the pages of `bilan serve`: fetched from npm (version
# pinned by web/package-lock.json), copied into the package that embeds it; never committed.
DSFR_NPM := web/node_modules/@gouvfr/dsfr/dist
DSFR     := internal/serve/static/dsfr
# The HTML twins of the reports (reports/html) embed the parts of the DSFR they use.
HTML_DSFR := reports/html/dsfr
web: $(DSFR)/dsfr.min.css $(HTML_DSFR)/core.min.css

$(DSFR)/dsfr.min.css: web/package-lock.json Makefile
	cd web && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	rm -rf $(DSFR) && mkdir -p $(DSFR)
	cp $(DSFR_NPM)/dsfr.min.css $(DSFR_NPM)/dsfr.module.min.js $(DSFR_NPM)/dsfr.nomodule.min.js $(DSFR)/
	cp -r $(DSFR_NPM)/fonts $(DSFR_NPM)/icons $(DSFR_NPM)/favicon $(DSFR)/
	mkdir -p $(DSFR)/utility/icons && cp $(DSFR_NPM)/utility/icons/icons.min.css $(DSFR)/utility/icons/
	cp web/node_modules/@gouvfr/dsfr/LICENSE.md $(DSFR)/ 2>/dev/null || true

$(HTML_DSFR)/core.min.css: $(DSFR)/dsfr.min.css web/package-lock.json Makefile
	test -d $(DSFR_NPM) || (cd web && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
	rm -rf $(HTML_DSFR) && mkdir -p $(HTML_DSFR)
	cp $(DSFR_NPM)/core/core.min.css $(DSFR_NPM)/fonts/Marianne-Regular.woff2 $(DSFR_NPM)/fonts/Marianne-Bold.woff2 $(HTML_DSFR)/
	for c in table summary logo callout skiplink; do cp $(DSFR_NPM)/component/$$c/$$c.min.css $(HTML_DSFR)/; done
	cp web/node_modules/@gouvfr/dsfr/LICENSE.md $(HTML_DSFR)/ 2>/dev/null || true

build: web
	go build -ldflags "-X bilan/internal/version.Commit=$$(git rev-parse HEAD 2>/dev/null || echo inconnu)" -o $(BIN) ./cmd/bilan

# Fuzz targets (package:target), run briefly by `make test` and for FUZZTIME by `make fuzz`.
# `make test` counts executions (5000x) rather than seconds: a wall-clock -fuzztime can fail
# with a bare "context deadline exceeded" on a loaded machine (a race in Go's fuzz coordinator).
# A new interesting input is minimised for 50 executions, not Go's default 60 s: with the
# workbook target (zip bytes) the default spent nearly all the time minimising (53 runs a minute).
FUZZ     := ./internal/textio:FuzzDecodeCSV ./internal/textio:FuzzRecords ./internal/parse:FuzzDate ./internal/parse:FuzzNumbers \
            ./pipeline/ingest:FuzzReadCSV ./pipeline/ingest:FuzzWorkbook ./pipeline/ingest:FuzzHeader
FUZZTIME ?= 60s

test: web
	go test ./...
	@$(MAKE) --no-print-directory fuzz FUZZTIME=5000x

fuzz:
	@mkdir -p var
	@for t in $(FUZZ); do \
		echo "fuzz $${t#*:} ($(FUZZTIME))"; \
		go test -run='^$$' -fuzz="^$${t#*:}$$" -fuzztime=$(FUZZTIME) -fuzzminimizetime=50x $${t%%:*} > var/fuzz.log 2>&1 \
			|| { cat var/fuzz.log; exit 1; }; \
		grep 'execs:' var/fuzz.log | tail -1; \
	done

demo: build
	@test -f $(DEMO)/verite-$(YEAR).csv || $(BIN) generate --scale demo --year $(YEAR) --out $(DEMO)
	@echo "Démo : clé de pseudonymisation de test, fixe et publique (jamais pour de vraies données) ; entrepôt var/demo.duckdb."
	@rm -f var/demo.duckdb
	@for r in $$(ls $(DEMO)/$$(($(YEAR)-1))); do \
		$(DEMO_ENV) $(BIN) ingest --year $$(($(YEAR)-1)) --scope $$r $(DEMO)/$$(($(YEAR)-1))/$$r > /dev/null || exit $$?; \
	done
	@$(DEMO_ENV) $(BIN) compute --year $$(($(YEAR)-1)) > /dev/null
	@$(DEMO_ENV) $(BIN) run --year $(YEAR) --in $(DEMO)/$(YEAR) --out out > var/demo-$(YEAR).log \
		|| { cat var/demo-$(YEAR).log; exit 1; }
	@tail -n 6 var/demo-$(YEAR).log

# Regenerates the committed demo fixtures (review the diff like code).
fixtures: build
	rm -rf $(DEMO)
	$(BIN) generate --scale demo --year $(YEAR) --out $(DEMO)

# National-scale fixture calibrated on the seed's 2016 figures (generated once under
# var/national, never committed; ≈ 2 GB and a few minutes), then the figures side by side.
NAT_ENV := BILAN_CLE_PSEUDO=demo-cle-de-test-non-secrete-0123456789 BILAN_WAREHOUSE=var/national.duckdb
calibration: build
	@test -f var/national/$(YEAR)/national/arml-53-$(YEAR).xlsx || $(BIN) generate --scale national --year $(YEAR) --out var/national
	@rm -f var/national.duckdb
	$(NAT_ENV) $(BIN) ingest --year $$(($(YEAR)-1)) --scope national var/national/$$(($(YEAR)-1))/national > /dev/null
	$(NAT_ENV) $(BIN) compute --year $$(($(YEAR)-1)) > /dev/null
	$(NAT_ENV) $(BIN) ingest --year $(YEAR) --scope national var/national/$(YEAR)/national > /dev/null
	$(NAT_ENV) $(BIN) compute --year $(YEAR) > /dev/null
	$(NAT_ENV) $(BIN) calibrate --year $(YEAR)

# Golden files: only the packages whose tests define -update (internal/cli: the text of
# the demo's PDFs and the cells of its workbooks) are run; review the diff like code.
GOLDEN := $(sort $(dir $(shell grep -rl --include='*_test.go' --exclude-dir=node_modules 'flag[.]Bool."update"' .)))
update:
	go test $(GOLDEN) -count=1 -update

fmt:
	gofmt -w $$(git ls-files '*.go')

vet:
	go vet ./...

check: vet test
	git diff --exit-code

# National-scale benchmark: fixtures generated once under var/bench (never committed).
SIZES ?= national,demi,regional
RUNS  ?= 1
bench: build
	go build -o bin/bench ./cmd/bench
	bin/bench -bin $(BIN) -data var/bench -sizes $(SIZES) -runs $(RUNS)

clean:
	rm -rf bin out var/demo.duckdb
