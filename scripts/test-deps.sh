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
have kubectl      || need+=(kubernetes-client)
have chromium     || need+=(chromium)
have node         || need+=(nodejs npm)
[ -x /usr/lib/postgresql/15/bin/initdb ] || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)

if [ "${#need[@]}" -gt 0 ]; then
  echo "test-deps: installing ${need[*]}"
  if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
