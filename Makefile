# Operator and developer entry points. `make help` lists them.
SHELL := /bin/bash
CONFIGURATION ?= Release

# The service and its verbs from source. dotnet run starts in the project's folder, so the data
# directory is named from here: ./data, as the README says (an explicit Blacklist__DataDirectory wins).
BLACKLIST = Blacklist__DataDirectory="$${Blacklist__DataDirectory:-$(CURDIR)/data}" dotnet run --project src/Blacklist.Server -c $(CONFIGURATION)

.PHONY: help run lint test build bench audit format

help: ## List the targets
	@grep -hE '^[a-zA-Z0-9_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  %-14s %s\n", $$1, $$2}'

run: ## Serve on http://localhost:2542 with SQLite in ./data and the sample feed
	$(BLACKLIST)

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

# ---------------------------------------------------------------------------------------------
# Operations: image, Kubernetes, ArgoCD, alert rules, backups. docs/operations.md explains each.
# Every target that needs a tool, an engine or a cluster checks for it first and says what is
# missing instead of failing half-way.
REGISTRY     ?= ghcr.io/example
IMAGE        ?= $(REGISTRY)/blacklist
TAG          ?= $(shell git rev-parse --short HEAD 2>/dev/null || echo dev)
NAMESPACE    ?= blacklist
ARGOCD_APP   ?= blacklist
SYNC_TIMEOUT ?= 600
# The image name the manifests carry (k8s/base); ArgoCD is pointed at $(IMAGE):$(TAG) in its place.
MANIFEST_IMAGE := ghcr.io/example/blacklist

define require_docker
	@command -v docker >/dev/null 2>&1 || { echo "$@: the docker CLI is not installed" >&2; exit 1; }
	@docker info >/dev/null 2>&1 || { echo "$@: no Docker engine reachable: 'docker info' failed (start the daemon, or point DOCKER_HOST at one)" >&2; exit 1; }
endef

define require_argocd
	@command -v argocd >/dev/null 2>&1 || { echo "$@: the argocd CLI is not installed (see docs/operations.md, 'Deploy')" >&2; exit 1; }
	@argocd app get $(ARGOCD_APP) >/dev/null 2>&1 || { echo "$@: ArgoCD application '$(ARGOCD_APP)' is not reachable: log in with 'argocd login SERVER' (or set ARGOCD_SERVER and ARGOCD_AUTH_TOKEN) and create it with 'kubectl apply -n argocd -f deploy/argocd/application.yaml'" >&2; exit 1; }
endef

define require_cluster
	@command -v kubectl >/dev/null 2>&1 || { echo "$@: kubectl is not installed" >&2; exit 1; }
	@kubectl config current-context >/dev/null 2>&1 || { echo "$@: kubectl has no current context: select a cluster with 'kubectl config use-context NAME'" >&2; exit 1; }
	@kubectl get namespace $(NAMESPACE) --request-timeout=10s >/dev/null 2>&1 || { echo "$@: namespace '$(NAMESPACE)' is not reachable in kubectl context '$$(kubectl config current-context)'" >&2; exit 1; }
endef

define require_tool
	@command -v $(1) >/dev/null 2>&1 || { echo "$@: $(1) is not installed ($(2))" >&2; exit 1; }
endef

.PHONY: docker-build docker-push argocd-sync deploy k8s-validate rules-check backup restore k8s-status rollback

docker-build: ## Build the runtime image IMAGE:TAG (REGISTRY, IMAGE, TAG are variables; needs a Docker engine)
	$(require_docker)
	docker build -t $(IMAGE):$(TAG) .

docker-push: ## Push IMAGE:TAG (after docker-build and docker login)
	$(require_docker)
	@docker image inspect $(IMAGE):$(TAG) >/dev/null 2>&1 || { echo "$@: no local image $(IMAGE):$(TAG): run 'make docker-build' first" >&2; exit 1; }
	docker push $(IMAGE):$(TAG)

argocd-sync: ## Point ArgoCD app ARGOCD_APP at IMAGE:TAG, sync, wait until healthy (SYNC_TIMEOUT=600 s)
	$(require_argocd)
	argocd app set $(ARGOCD_APP) --kustomize-image $(MANIFEST_IMAGE)=$(IMAGE):$(TAG)
	@# The change above can start an automated sync first; then wait for that one instead.
	@out=$$(argocd app sync $(ARGOCD_APP) --timeout $(SYNC_TIMEOUT) 2>&1); rc=$$?; echo "$$out"; \
	  if [ $$rc -ne 0 ]; then \
	    echo "$$out" | grep -q 'another operation is already in progress' || exit $$rc; \
	    echo "argocd-sync: an automated sync is running; waiting for it"; \
	  fi
	argocd app wait $(ARGOCD_APP) --sync --health --timeout $(SYNC_TIMEOUT)

deploy: ## docker-build, docker-push, argocd-sync (checks the engine and ArgoCD before building)
	$(require_docker)
	$(require_argocd)
	$(MAKE) --no-print-directory docker-build TAG=$(TAG)
	$(MAKE) --no-print-directory docker-push TAG=$(TAG)
	$(MAKE) --no-print-directory argocd-sync TAG=$(TAG)

k8s-validate: ## Render both overlays with kubectl kustomize and lint k8s/ and deploy/ (no cluster needed)
	$(call require_tool,kubectl,it renders the kustomize overlays; no cluster is contacted)
	$(call require_tool,yamllint,apt-get install yamllint)
	@for overlay in dev production; do \
	  kubectl kustomize k8s/overlays/$$overlay >/dev/null || exit 1; \
	  echo "k8s/overlays/$$overlay renders"; \
	done
	yamllint --strict k8s deploy .yamllint

rules-check: ## promtool: check the alert rules, run their unit tests, check the static scrape config
	$(call require_tool,promtool,apt-get install prometheus)
	promtool check rules deploy/monitoring/alerts.yml
	promtool test rules deploy/monitoring/alerts.test.yml
	promtool check config deploy/monitoring/prometheus.static.yml

backup: ## blacklist backup: a dated file in data/backups (SQLite online backup, or pg_dump for PostgreSQL); KEEP=N, BACKUP_DIR=DIR
	$(BLACKLIST) -- backup $(if $(KEEP),--keep $(KEEP)) $(if $(BACKUP_DIR),--directory "$(abspath $(BACKUP_DIR))")

restore: ## blacklist restore FILE=data/backups/... (verified before anything is replaced; stop the service first)
	@test -n "$(FILE)" || { echo "restore: name the backup: make restore FILE=data/backups/<file>" >&2; exit 1; }
	@test -f "$(FILE)" || { echo "restore: $(FILE) does not exist" >&2; exit 1; }
	$(BLACKLIST) -- restore "$(abspath $(FILE))"

k8s-status: ## Pods, HPA and rollout of namespace NAMESPACE in the current kubectl context
	$(require_cluster)
	kubectl get pods -n $(NAMESPACE) -o wide
	kubectl describe hpa blacklist -n $(NAMESPACE)
	kubectl rollout status deployment/blacklist -n $(NAMESPACE) --timeout=10s

rollback: ## kubectl rollout undo deployment/blacklist, with ArgoCD self-heal paused so it sticks
	$(require_cluster)
	@if command -v argocd >/dev/null 2>&1 && argocd app get $(ARGOCD_APP) >/dev/null 2>&1; then \
	  argocd app set $(ARGOCD_APP) --self-heal=false && echo "rollback: ArgoCD self-heal paused for $(ARGOCD_APP)"; \
	else \
	  echo "rollback: argocd not reachable; if ArgoCD self-heals this Deployment it will undo the rollback" >&2; \
	fi
	kubectl rollout undo deployment/blacklist -n $(NAMESPACE)
	kubectl rollout status deployment/blacklist -n $(NAMESPACE) --timeout=$(SYNC_TIMEOUT)s
	@image=$$(kubectl get deployment/blacklist -n $(NAMESPACE) -o jsonpath='{.spec.template.spec.containers[0].image}'); \
	  echo "rollback: now running $$image. Make it the desired state, then resume self-heal:"; \
	  echo "  argocd app set $(ARGOCD_APP) --kustomize-image $(MANIFEST_IMAGE)=$$image && argocd app set $(ARGOCD_APP) --self-heal"
