#!/usr/bin/env bash
# Installs Debian's OpenLink Virtuoso (virtuoso-t) for tests/test_virtuoso.py when it is missing
# (needs root and apt). The test starts its own server on loopback with a temporary database;
# the package's system service is not used.
set -euo pipefail
if command -v virtuoso-t >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing Debian's virtuoso-opensource for the Virtuoso tests"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq virtuoso-opensource >/dev/null
else
  echo "warning: virtuoso-t is missing and cannot be installed here (needs root and apt-get);" \
       "the Virtuoso tests will be skipped" >&2
fi
