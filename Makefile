# Sales Restructuring Simulator: build, serve, test and deploy.
#
#   make serve   install what is missing, then serve with live reload on
#                http://127.0.0.1:8080
#   make test    everything CI checks, in order, stopping at the first failure
#   make build   the release site in dist/ (relative URLs: works under any path)
#   make bench   the engine benchmark (run-months per second per core), then
#                the built site's speed in headless Chromium (e2e/bench.mjs)
#   make tools   only the idempotent installs; make clean-tools undoes them
#
# Tools are installed into TOOLS_DIR (binaries in TOOLS_DIR/bin, first on
# PATH) and e2e/node_modules, never downloaded by Trunk (it runs --offline).

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
# Steps of `make test` must run in order even under `make -j`.
.NOTPARALLEL:

TOOLS_DIR ?= $(HOME)/.cache/salesim
TRUNK_VERSION := 0.21.14
# wasm-bindgen-cli must equal the crate's wasm-bindgen to the patch level.
WASM_BINDGEN_VERSION := $(shell sed -n '/^name = "wasm-bindgen"$$/{n;s/^version = "\(.*\)"$$/\1/p;}' Cargo.lock)
WASM_TARGET := wasm32-unknown-unknown
E2E_DIR := e2e
NODE_MODULES := $(E2E_DIR)/node_modules
# Release builds carry the commit in their version string (see src/protocol.rs).
SALESIM_BUILD_ID ?= $(shell git rev-parse --short HEAD 2>/dev/null || echo dev)
# `./` makes every URL in dist/ relative, so the site works at / and under
# a GitHub Pages project path such as /sales-sim/ alike.
PUBLIC_URL ?= ./

# The engine's native tests. Switch to `cargo test --release` if they get heavy
# (dev profile keeps the edit-test loop short and runs doctests too).
NATIVE_TEST ?= cargo test
# Browser tests are tests/browser_*.rs and the components' own #[wasm_bindgen_test]s
# in the library, run in headless Chromium.
BROWSER_TEST ?= cargo test --target $(WASM_TARGET) --lib --test 'browser_*'

export PATH := $(TOOLS_DIR)/bin:$(CURDIR)/$(NODE_MODULES)/.bin:$(PATH)

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: help serve build test bench tools clean-tools \
	wasm-target trunk wasm-bindgen node-tools chromium \
	fmt-check lint test-native test-browser test-e2e

help:
	@sed -n '2,12s/^# \{0,1\}//p' $(MAKEFILE_LIST)

## ---- the commands a person runs -------------------------------------------

serve: tools
	trunk serve --offline

build: tools
	SALESIM_BUILD_ID=$(SALESIM_BUILD_ID) trunk build --release --public-url $(PUBLIC_URL) --offline
	node scripts/pin-inline-scripts.mjs dist/index.html

test: tools chromium
	@$(MAKE) --no-print-directory fmt-check lint test-native test-browser build test-e2e
	@echo "make test: all steps passed"

# Run-months per second per core for each preset (benches/engine.rs), then
# the built site in headless Chromium (e2e/bench.mjs, docs/PERFORMANCE.md):
# the engine in one Web Worker against the same comparison natively, the
# default comparison end to end, its first picture, the longest main-thread
# task and the WebAssembly sizes, gzip.
bench: chromium
	cargo bench --bench engine
	@$(MAKE) --no-print-directory build
	cd $(E2E_DIR) && CHROMIUM="$$(command -v chromium)" DIST_DIR="$(CURDIR)/dist" node bench.mjs

## ---- the steps of `make test` -----------------------------------------------

fmt-check:
	cargo fmt --all --check

# wasm32 lints every target too, so anything native-only (the CLI, a
# criterion bench) must be cfg-gated; narrow WASM_LINT_TARGETS to
# `--lib --bins --test 'browser_*'` if that becomes a burden.
WASM_LINT_TARGETS ?= --all-targets
lint:
	cargo clippy --all-targets -- -D warnings
	cargo clippy --target $(WASM_TARGET) $(WASM_LINT_TARGETS) -- -D warnings

test-native:
	$(NATIVE_TEST)

test-browser:
	CHROMEDRIVER="$$(command -v chromedriver)" $(BROWSER_TEST)

# Human-readable spec output on the terminal; the TAP copy's closing lines
# (`# pass N`, `# fail N`) are printed last for CI to read.
# The end-to-end tests compare the page's numbers with the native command line's.
E2E_TAP := $(E2E_DIR)/test-results/e2e.tap
test-e2e: $(NODE_MODULES)/.package-lock.json
	@mkdir -p $(dir $(E2E_TAP))
	cargo build --release --bin salesim
	cd $(E2E_DIR) && CHROMIUM="$$(command -v chromium)" DIST_DIR="$(CURDIR)/dist" \
		SALESIM_BIN="$(CURDIR)/target/release/salesim" \
		node --test --test-reporter=spec --test-reporter-destination=stdout \
		--test-reporter=tap --test-reporter-destination=$(CURDIR)/$(E2E_TAP) \
		$(notdir $(wildcard $(E2E_DIR)/*.test.mjs))
	@grep -E '^# (tests|pass|fail|cancelled|skipped|todo) ' $(E2E_TAP)

## ---- installs: each skips what is already there -----------------------------

tools: wasm-target trunk wasm-bindgen node-tools

wasm-target:
	@rustup target list --installed | grep -qx '$(WASM_TARGET)' \
		|| rustup target add $(WASM_TARGET)

trunk:
	@if [ "$$(trunk --version 2>/dev/null)" != "trunk $(TRUNK_VERSION)" ]; then \
		echo "Installing Trunk $(TRUNK_VERSION) into $(TOOLS_DIR) (6-11 minutes on 2 cores)"; \
		cargo install --root '$(TOOLS_DIR)' trunk --version $(TRUNK_VERSION) --locked; \
	fi

# Not --locked: its lockfile names a webpki-roots release the registry lacks.
wasm-bindgen:
	@test -n '$(WASM_BINDGEN_VERSION)' || { echo "wasm-bindgen not found in Cargo.lock"; exit 1; }
	@grep -qx 'wasm_bindgen = "$(WASM_BINDGEN_VERSION)"' Trunk.toml \
		|| { echo "Trunk.toml [tools] wasm_bindgen must be $(WASM_BINDGEN_VERSION), as in Cargo.lock"; exit 1; }
	@if [ "$$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $(WASM_BINDGEN_VERSION)" ] \
		|| ! command -v wasm-bindgen-test-runner >/dev/null; then \
		echo "Installing wasm-bindgen-cli $(WASM_BINDGEN_VERSION) into $(TOOLS_DIR) (about 2 minutes)"; \
		cargo install --root '$(TOOLS_DIR)' wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION); \
	fi

# playwright-core and binaryen (wasm-opt 132; Debian's 108 rejects current
# rustc output). npm ci again whenever the manifest or lockfile changes.
node-tools: $(NODE_MODULES)/.package-lock.json

$(NODE_MODULES)/.package-lock.json: $(E2E_DIR)/package.json $(E2E_DIR)/package-lock.json
	cd $(E2E_DIR) && npm ci --no-audit --no-fund
	@touch $@

chromium:
	@if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then \
		echo "Installing Chromium and ChromeDriver from Debian's packages"; \
		$(SUDO) apt-get update && $(SUDO) apt-get install -y chromium chromium-driver; \
	fi

# Removes what `make tools` installed (not the rustup target, not Chromium).
clean-tools:
	rm -f '$(TOOLS_DIR)'/bin/{trunk,wasm-bindgen,wasm-bindgen-test-runner,wasm2es6js}
	rm -f '$(TOOLS_DIR)'/.crates.toml '$(TOOLS_DIR)'/.crates2.json
	rm -rf $(NODE_MODULES)
