#!/usr/bin/env bash
# Installs everything the project needs on a fresh machine: npm packages (with Node 24 as the
# `node` devDependency) and, for the docs-site browser test, Debian's chromium when it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null 2>&1; then
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = "0" ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "setup: chromium is missing; install your distribution's chromium package for the docs-site test" >&2
  fi
fi
npm ci
