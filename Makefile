# The two commands the README promises, and the benchmark.
SHELL := /bin/bash
SWIFT ?= swift

.PHONY: deps build test demo bench

# Debian packages a fresh machine lacks (libcurl's headers) and the Python
# tools the tests call (warcio checks the WARC evidence).
deps:
	@if ! pkg-config --exists libcurl libxml-2.0 2>/dev/null; then \
		(apt-get update -qq || true) && apt-get install -y -qq libcurl4-openssl-dev libxml2-dev pkg-config; \
	fi
	@python3 -c 'import warcio' 2>/dev/null || python3 -m pip install -q warcio

build: deps
	$(SWIFT) build

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --parallel --num-workers 2

demo: deps
	./scripts/demo.sh

bench: deps
	./scripts/bench.sh
