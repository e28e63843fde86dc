# Operator and developer entry points. `make help` lists them.
SHELL := /bin/bash
CONFIGURATION ?= Release

.PHONY: help run lint test build bench audit format

help: ## List the targets
	@grep -hE '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  %-14s %s\n", $$1, $$2}'

run: ## Serve on http://localhost:2542 with SQLite in ./data and the sample feed
	dotnet run --project src/Blacklist.Server -c $(CONFIGURATION)

lint: ## Formatting and analyzers, warnings as errors
	dotnet format Blacklist.slnx --verify-no-changes --severity warn
	dotnet build Blacklist.slnx -c $(CONFIGURATION) -warnaserror --nologo -v quiet

test: ## The whole test suite (installs redis-server, ipset, … when missing)
	bash scripts/test.sh

build: ## Publish the service to .artifacts/publish/blacklist
	dotnet publish src/Blacklist.Server -c $(CONFIGURATION) -o .artifacts/publish/blacklist --nologo

format: ## Fix formatting in place
	dotnet format Blacklist.slnx

bench: ## Micro-benchmarks (BenchmarkDotNet); see bench/README.md for the HTTP and merge scripts
	dotnet run --project bench/Blacklist.Benchmarks -c Release -- --filter '*'

audit: ## Known-vulnerable dependencies, direct and transitive
	@out=$$(dotnet list Blacklist.slnx package --vulnerable --include-transitive 2>&1); echo "$$out"; \
	  if echo "$$out" | grep -q 'has the following vulnerable packages'; then echo "audit: vulnerable packages found"; exit 1; fi
