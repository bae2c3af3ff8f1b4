#!/usr/bin/env bash
# Installs Debian's chromium for the browser tests when it is missing (needs root and apt).
# Playwright drives this browser through executable_path; it never downloads one.
set -euo pipefail
if command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ]; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing Debian's chromium for the browser tests"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
else
  echo "warning: chromium is missing and cannot be installed here (needs root and apt-get);" \
       "the browser tests will be skipped" >&2
fi
