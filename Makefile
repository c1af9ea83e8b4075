# dnsplay: the two set-up commands are `make run` and `make test`; each
# installs what it needs first. See README.md.
SHELL := /bin/bash
.DEFAULT_GOAL := help
export PATH := $(HOME)/.cargo/bin:$(CURDIR)/node_modules/.bin:$(PATH)
export TRUNK_SKIP_VERSION_CHECK := true

.PHONY: help run test bench build tools fmt clean fuzz

help:
	@echo "make run    install what is missing, build, serve on http://127.0.0.1:8080"
	@echo "make test   install what the tests need and run every check and test"
	@echo "make bench  release bundle sizes, build time and engine benchmarks"
	@echo "make build  release build into dist/"
	@echo "make fuzz   fuzz every parser of untrusted input (FUZZ_SECONDS each)"

tools:
	@scripts/install-tools.sh

run: tools
	@echo "dnsplay: building, then serving on http://127.0.0.1:8080 (Ctrl+C stops)"
	trunk serve --release --locked

build: tools
	trunk build --release --locked

test:
	@scripts/test.sh

bench: tools
	@scripts/bench.sh

fmt:
	cargo fmt --all

clean:
	cargo clean
	rm -rf dist

# Coverage-guided fuzzing of every parser of untrusted input (not part of
# `make test`: it runs for minutes). FUZZ_SECONDS per target, default 300.
fuzz:
	@scripts/fuzz.sh
