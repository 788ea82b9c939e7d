# The two commands the README promises, and the benchmark.
SHELL := /bin/bash
SWIFT ?= swift
# Python tools the tests and scripts call live in a venv under the build folder.
VENV := .build/venv
export PATH := $(CURDIR)/$(VENV)/bin:$(PATH)

.PHONY: deps build test demo demo-2026 bench

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

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --parallel --num-workers 2

demo: deps
	./scripts/demo.sh

# A 2026 night: the commune sub-sites of snapshots-2026 (year 2025, portal health).
demo-2026: deps
	./scripts/demo-2026.sh

bench: deps
	./scripts/bench.sh
