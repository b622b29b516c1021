# opsalign — the repository root is itself the sample site.
GO      ?= go
BIN     := bin/opsalign
VERSION := $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS := -X main.version=$(VERSION)

.PHONY: run build test check serve sample-data bench-data bench serve-bench fuzz vet clean

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
	$(GO) test -race -count=1 ./...

vet:
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || { echo "gofmt needed:"; gofmt -l $$(git ls-files '*.go'); exit 1; }
	$(GO) vet ./...

## sample-data: re-create sample-data/ from its generator (byte-identical)
sample-data:
	$(GO) run ./internal/sampledata/gen -out sample-data

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

## fuzz: run every fuzz target for FUZZTIME each (default 30s)
FUZZTIME ?= 30s
fuzz:
	@for pkg in $$($(GO) list ./generator/...); do \
	  for f in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz'); do \
	    echo "== $$pkg $$f"; $(GO) test -run '^$$' -fuzz "^$$f$$" -fuzztime $(FUZZTIME) $$pkg || exit 1; \
	  done; \
	done

clean:
	rm -rf bin public .public.staging-* .public.old-*

FORCE:
