# Golmok: the two commands are `make run` and `make test`; `make help` lists the rest.
# Every target installs what it needs first (scripts/setup.sh, a no-op when all is there).

SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
MAKEFLAGS += --no-print-directory

# The pinned tools (cargo installs, then wasm-opt from node_modules) first on PATH.
export PATH := $(or $(CARGO_HOME),$(HOME)/.cargo)/bin:$(CURDIR)/node_modules/.bin:$(PATH)

TARGET_DIR := $(or $(CARGO_TARGET_DIR),target)
# A CI clone builds once: incremental caches would only take disk.
ifeq ($(CI),true)
export CARGO_INCREMENTAL := 0
endif
SERVER_BIN := $(TARGET_DIR)/release/golmok-server

# `make run` settings; the server's own environment variables set them too.
GOLMOK_LISTEN ?= 127.0.0.1:8080
GOLMOK_DATABASE ?= golmok.db
GOLMOK_STATIC ?= dist
GOLMOK_DEMO ?= 1
DEMO_FLAG := $(if $(filter 0 false no off,$(GOLMOK_DEMO)),,--demo)

# The checks of `make test`, each also a target of its own.
FMT_CHECK := cargo fmt --all -- --check
CLIPPY_NATIVE := cargo clippy -p golmok-api -p golmok-server --all-targets -- -D warnings
CLIPPY_WASM := cargo clippy -p golmok-web --target wasm32-unknown-unknown --all-targets -- -D warnings
TEST_NATIVE := cargo test -p golmok-api -p golmok-server
# The server's tests again, every one on PostgreSQL: a throwaway cluster on loopback.
TEST_POSTGRES := scripts/with-postgres.sh cargo test -p golmok-server
# wasm tests run in headless Chromium through chromedriver (webdriver.json adds the
# flags Chromium needs as root in a container), or in Node for tests not bound to a browser.
TEST_WASM := env CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
	CHROMEDRIVER="$$(command -v chromedriver)" WASM_BINDGEN_TEST_TIMEOUT=300 \
	cargo test -p golmok-web --target wasm32-unknown-unknown
BUILD_SERVER := cargo build --release -p golmok-server
# schemathesis against the demo server, every check: the document says what the server does.
# Its fuzzer sends thousands of writes a minute from one account and one address: the
# rate limits (tested in tests/api/limits.rs) are off for it, or it would fuzz 429s only.
SCHEMATHESIS := env GOLMOK_LIMIT_LOGIN=off GOLMOK_LIMIT_LOGIN_FAILURES=off GOLMOK_LIMIT_REGISTER=off \
	GOLMOK_LIMIT_WRITES=off GOLMOK_LIMIT_ADDRESS_WRITES=off scripts/with-server.sh scripts/schemathesis.sh
PHASE := scripts/phase.sh
PHASE_LOG := $(TARGET_DIR)/make-test-phases.tsv

.PHONY: help setup build build-web server run run-scaled dev test fmt-check clippy test-native test-postgres test-wasm size e2e schemathesis \
	bench screenshots clean

help:
	@echo 'make run          build everything and start Golmok with the demo data (http://$(GOLMOK_LISTEN)/)'
	@echo 'make test         everything CI checks: fmt, clippy, native + wasm tests, bundle size, e2e'
	@echo 'make build        release build of the SPA (dist/) and of the server'
	@echo 'make run-scaled   the scaled shape: nginx, two servers, PostgreSQL, on http://$(GOLMOK_LISTEN)/'
	@echo 'make dev          for day-to-day work: the SPA with reload on http://127.0.0.1:8081/, the API beside it'
	@echo 'make bench        the figures: first load, bytes per page, wasm by crate, Lighthouse against the Leptos floor, load'
	@echo 'make screenshots  PNGs of every page, ko and en, into tests/e2e/screenshots/'
	@echo 'make e2e | schemathesis | test-native | test-postgres | test-wasm | clippy | fmt-check | size   one part of make test'
	@echo 'make setup        install the toolchain (idempotent)'
	@echo 'make clean        remove build output (keeps golmok.db and node_modules)'

setup:
	@scripts/setup.sh

build: build-web server

build-web: setup
	scripts/build-web.sh

server: setup
	$(BUILD_SERVER)

run: build
	@echo 'Starting Golmok at http://$(GOLMOK_LISTEN)/ (database $(GOLMOK_DATABASE); Ctrl-C stops it)'
	exec $(SERVER_BIN) --listen '$(GOLMOK_LISTEN)' --database '$(GOLMOK_DATABASE)' --static '$(GOLMOK_STATIC)' $(DEMO_FLAG)

# The scaled shape on this machine: nginx on $(GOLMOK_LISTEN) in front of two servers on
# one PostgreSQL (a throwaway cluster), all gone when it stops.
run-scaled: build
	GOLMOK_LISTEN='$(GOLMOK_LISTEN)' scripts/scaled.sh --serve

# Trunk rebuilds the SPA on every change and reloads the browser; it proxies /api/ to a
# debug server on 127.0.0.1:8080 (Trunk.toml). A debug build has no split step: every
# page is in the one wasm file (see src/lazy.rs). Its output goes to target/, not dist/.
dev: setup
	cargo build -p golmok-server
	@echo 'Golmok for development at http://127.0.0.1:8081/ (database $(GOLMOK_DATABASE); Ctrl-C stops it)'
	$(TARGET_DIR)/debug/golmok-server --listen 127.0.0.1:8080 --database '$(GOLMOK_DATABASE)' $(DEMO_FLAG) & \
	server=$$!; trap 'kill $$server 2>/dev/null' EXIT; \
	TRUNK_OFFLINE=true trunk serve --dist $(TARGET_DIR)/trunk-dev

# Fail fast: the first failing phase stops the run.
test: setup
	@mkdir -p $(TARGET_DIR) && rm -f $(PHASE_LOG)
	@export GOLMOK_PHASE_LOG=$(PHASE_LOG); status=0; \
	{ $(PHASE) '1/12 rustfmt' $(FMT_CHECK) && \
	$(PHASE) '2/12 clippy: golmok-api, golmok-server' $(CLIPPY_NATIVE) && \
	$(PHASE) '3/12 clippy: golmok-web (wasm32)' $(CLIPPY_WASM) && \
	$(PHASE) '4/12 native tests: golmok-api, golmok-server (SQLite)' $(TEST_NATIVE) && \
	$(PHASE) '5/12 server tests on PostgreSQL (throwaway cluster)' $(TEST_POSTGRES) && \
	$(PHASE) '6/12 wasm tests: golmok-web (headless Chromium)' $(TEST_WASM) && \
	$(PHASE) '7/12 release build of the SPA (trunk)' scripts/build-web.sh && \
	$(PHASE) '8/12 bundle size (first load, gzip -9 <= 160 KB)' scripts/check-bundle-size.sh && \
	$(PHASE) '9/12 release build of the server' $(BUILD_SERVER) && \
	$(PHASE) '10/12 the API against its OpenAPI document (schemathesis, demo server)' $(SCHEMATHESIS) && \
	$(PHASE) '11/12 end-to-end tests (Playwright, real server)' scripts/e2e.sh && \
	$(PHASE) '12/12 end-to-end tests through nginx, two servers, PostgreSQL' env GOLMOK_E2E_SHAPE=scaled scripts/e2e.sh; } || status=$$?; \
	echo; echo 'Phases (seconds):'; awk -F'\t' '{ printf "  %5s  %-8s %s\n", $$1, $$3, $$2 }' $(PHASE_LOG); \
	echo "Disk: $$(du -sh $(TARGET_DIR) | cut -f1) in $(TARGET_DIR), $$(df -h --output=avail . | tail -1 | tr -d ' ') left"; \
	if [ $$status -eq 0 ]; then echo 'make test: all passed'; else echo 'make test: FAILED' >&2; fi; \
	exit $$status

fmt-check: setup
	$(FMT_CHECK)

clippy: setup
	$(CLIPPY_NATIVE)
	$(CLIPPY_WASM)

test-native: setup
	$(TEST_NATIVE)

test-postgres: setup
	$(TEST_POSTGRES)

test-wasm: setup
	$(TEST_WASM)

size: build-web
	scripts/check-bundle-size.sh

e2e: build-web
	scripts/e2e.sh

schemathesis: build-web
	$(SCHEMATHESIS)

bench: build-web
	scripts/bench.sh

screenshots: build-web
	scripts/with-server.sh node scripts/screenshots.mjs

clean:
	rm -rf dist tests/e2e/test-results tests/e2e/screenshots
	cargo clean
