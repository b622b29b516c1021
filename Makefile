# opsalign — the repository root is itself the sample site.
GO      ?= go
BIN     := bin/opsalign
VERSION := $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS := -X main.version=$(VERSION)

.PHONY: run build test budgets check serve sample-data sample-history bench-data bench serve-bench fuzz fuzz-ci vet clean

## run: build the sample site into public/ and say where it is
run: $(BIN)
	./$(BIN) build

## build: compile the opsalign binary into bin/
build: $(BIN)

$(BIN): FORCE
	$(GO) build -trimpath -ldflags "$(LDFLAGS)" -o $(BIN) ./cmd/opsalign

## check: read and score the sample site, print issues and the headline
check: $(BIN)
	./$(BIN) check

## serve: draft with live reload on http://127.0.0.1:1414/
serve: $(BIN)
	./$(BIN) serve

## test: every test (race detector on; browser tests need Chromium, see README)
test: vet
	$(GO) test -race -count=1 -timeout 30m ./...

## budgets: the site of a 10,000-initiative company against issue 14's budgets (page sizes,
## elements, whole site, search in Chromium); without the race detector, as users run it
## (the test generates the company and builds its own binary; about 4 minutes)
budgets:
	OPSALIGN_BUDGETS=1 $(GO) test -count=1 -timeout 20m -run '^TestBudgets10k$$' -v ./internal/e2e

vet:
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || { echo "gofmt needed:"; gofmt -l $$(git ls-files '*.go'); exit 1; }
	$(GO) vet ./...

## sample-data: re-create sample-data/ from its generator (byte-identical)
sample-data:
	$(GO) run ./internal/sampledata/gen -out sample-data

## sample-history: close the sample's past quarters again (history/2026-Q1, 2026-Q2), each with
## its own board pack and decisions (internal/sampledata/samplehistory/narratives); byte-identical
sample-history:
	$(GO) run ./internal/sampledata/samplehistory -site .

## bench-data: the synthetic 1k- and 10k-initiative companies (git-ignored)
bench-data:
	$(GO) run ./internal/sampledata/gen -bench -initiatives 1000 -out bench-data/1k
	$(GO) run ./internal/sampledata/gen -bench -initiatives 10000 -out bench-data/10k

## bench: whole-site builds of the synthetic companies against the naive floor, then Go benchmarks of every stage
bench: $(BIN)
	@test -d bench-data/10k || { echo "run 'make bench-data' first"; exit 1; }
	$(GO) run ./internal/sitebench/measure -bin $(BIN) -runs 5 bench-data/1k bench-data/10k
	$(GO) test -run '^$$' -bench . -benchmem ./generator/...

## serve-bench: save → served page (p50/p95): fake builder, sample site, bench-data/1k
serve-bench:
	$(GO) test ./generator/serve -run '^$$' -bench SaveToServed -benchtime 100x -count 1
	$(GO) test ./generator/serve/servetest -run '^$$' -bench . -benchtime 50x -count 1

## fuzz: run every fuzz target for FUZZTIME each (default 30s); a failure
## leaves its input under the package's testdata/fuzz/ (commit it with the fix).
## Go before 1.27 may end a run at the -fuzztime deadline with a bare
## "context deadline exceeded" and no failing input (go.dev/issue/75804, a race
## in its fuzzing coordinator): such a run is repeated (up to three runs); a run that
## writes a failing input, or three such runs, fail the target.
FUZZTIME ?= 30s
fuzz:
	@for dir in $$(grep -rl --include='*_test.go' '^func Fuzz' generator internal cmd | xargs -n1 dirname | sort -u); do \
	  for f in $$(sed -n 's/^func \(Fuzz[A-Za-z0-9_]*\)(.*/\1/p' $$dir/*_test.go | sort); do \
	    for try in 1 2 3; do \
	      echo "== ./$$dir $$f"; \
	      out=$$($(GO) test -run '^$$' -fuzz "^$$f$$" -fuzztime $(FUZZTIME) ./$$dir 2>&1); rc=$$?; echo "$$out"; \
	      [ $$rc -eq 0 ] && break; \
	      if [ $$try -lt 3 ] && echo "$$out" | grep -q 'context deadline exceeded' && ! echo "$$out" | grep -q -i 'failing input'; then \
	        echo "fuzz: $$f stopped at its -fuzztime deadline without a failing input (go.dev/issue/75804); running it again"; continue; \
	      fi; \
	      exit 1; \
	    done; \
	  done; \
	done

## fuzz-ci: every fuzz target for 5 s each, as CI runs them (.ci/run)
fuzz-ci:
	@$(MAKE) --no-print-directory fuzz FUZZTIME=5s

clean:
	rm -rf bin public .public.staging-* .public.old-* .public.trash-*

FORCE:
