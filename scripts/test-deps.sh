#!/usr/bin/env bash
# Installs what the test suite needs on a fresh Debian machine, and nothing when it is all there.
# Real servers (PostgreSQL, Redis) and kernel tools (ipset, nft) are used by the tests themselves.
set -euo pipefail

need=()
have() { command -v "$1" >/dev/null 2>&1 || [ -x "/usr/sbin/$1" ] || [ -x "/sbin/$1" ]; }
have redis-server || need+=(redis-server)
have python3      || need+=(python3)
have ipset        || need+=(ipset)
have nft          || need+=(nftables)
have ip           || need+=(iproute2)
have promtool     || need+=(prometheus)
have yamllint     || need+=(yamllint)
have chromium     || need+=(chromium)
have node         || need+=(nodejs npm)
[ -x /usr/lib/postgresql/15/bin/initdb ] || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)

if [ "${#need[@]}" -gt 0 ]; then
  echo "test-deps: installing ${need[*]}"
  if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# kubectl: the overlays need kustomize v5 (`labels`, `components`), i.e. kubectl >= 1.27. Debian 12's
# kubernetes-client is 1.20 (kustomize v2) and cannot render them, so the upstream binary is
# installed instead, checked against the SHA-256 published next to it.
KUBECTL_VERSION=${KUBECTL_VERSION:-v1.32.4}
kubectl_minor() {
  kubectl version --client -o json 2>/dev/null | sed -n 's/.*"minor": *"\([0-9]*\).*/\1/p' | head -n 1
}
minor=$(command -v kubectl >/dev/null 2>&1 && kubectl_minor || true)
if [ -z "$minor" ] || [ "$minor" -lt 27 ]; then
  echo "test-deps: kubectl ${minor:+1.$minor }is missing or older than 1.27; installing kubectl $KUBECTL_VERSION from dl.k8s.io"
  case "$(uname -m)" in
    x86_64) arch=amd64 ;;
    aarch64 | arm64) arch=arm64 ;;
    *) arch=$(uname -m) ;;
  esac
  url="https://dl.k8s.io/release/$KUBECTL_VERSION/bin/linux/$arch/kubectl"
  tmp=$(mktemp -d)
  if curl -fsSL --retry 3 -o "$tmp/kubectl" "$url" && curl -fsSL --retry 3 -o "$tmp/kubectl.sha256" "$url.sha256" \
     && echo "$(cat "$tmp/kubectl.sha256")  $tmp/kubectl" | sha256sum -c --quiet -; then
    if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
    $SUDO install -m 0755 "$tmp/kubectl" /usr/local/bin/kubectl
    echo "test-deps: $(/usr/local/bin/kubectl version --client 2>/dev/null | head -n 1)"
  else
    echo "test-deps: could not download $url; install kubectl >= 1.27 by hand or the Kubernetes manifest tests fail" >&2
  fi
  rm -rf "$tmp"
fi
