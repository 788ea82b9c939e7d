# The two commands the README promises, and the benchmark.
SHELL := /bin/bash
SWIFT ?= swift
# Python tools the tests and scripts call live in a venv under the build folder.
VENV := .build/venv
export PATH := $(CURDIR)/$(VENV)/bin:$(PATH)

.PHONY: deps build test demo demo-2026 bench web browser-deps browser-test

# Debian packages a fresh machine lacks (libcurl's headers) and the Python
# tools the tests call (warcio checks the WARC evidence).
deps:
	@if ! pkg-config --exists libcurl libxml-2.0 2>/dev/null; then \
		(apt-get update -qq || true) && apt-get install -y -qq libcurl4-openssl-dev libxml2-dev pkg-config; \
	fi
	@[ -x $(VENV)/bin/python3 ] || python3 -m venv $(VENV)
	@$(VENV)/bin/python3 -c 'import warcio' 2>/dev/null || $(VENV)/bin/python3 -m pip install -q warcio

build: deps
	$(SWIFT) build

test: deps browser-deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --parallel --num-workers 2
	$(VENV)/bin/python3 Tests/Browser/workspace_test.py --binary "$$($(SWIFT) build --show-bin-path)/portal-audit"

demo: deps
	./scripts/demo.sh

# A 2026 night: the commune sub-sites of snapshots-2026 (year 2025, portal health).
demo-2026: deps
	./scripts/demo-2026.sh

bench: deps
	./scripts/bench.sh

# The appraisers' workspace on the demo night: audits the snapshots (as `make demo`),
# adds a demo account, prints the address and serves until interrupted.
web: deps
	./scripts/web.sh

# Headless Chromium drives the workspace (Tests/Browser/workspace_test.py): Debian's
# chromium and chromium-driver, and Selenium in the venv, installed when missing.
browser-deps: deps
	@if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then \
		(apt-get update -qq || true) && apt-get install -y -qq chromium chromium-driver; \
	fi
	@$(VENV)/bin/python3 -c 'import selenium' 2>/dev/null || $(VENV)/bin/python3 -m pip install -q selenium

browser-test: browser-deps
	$(SWIFT) build --product portal-audit
	$(VENV)/bin/python3 Tests/Browser/workspace_test.py --binary "$$($(SWIFT) build --show-bin-path)/portal-audit"
