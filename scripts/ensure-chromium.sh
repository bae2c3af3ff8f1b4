#!/usr/bin/env bash
# Installs Debian's chromium and fonts-noto-cjk for the browser tests when either is missing
# (needs root and apt); each package is checked on its own. Playwright drives this browser
# through executable_path; it never downloads one.
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || missing+=(chromium)
dpkg-query -W -f='${Status}' fonts-noto-cjk 2>/dev/null | grep -q "install ok installed" \
  || missing+=(fonts-noto-cjk)
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing Debian's ${missing[*]} for the browser tests"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
else
  echo "warning: ${missing[*]} missing and cannot be installed here (needs root and apt-get);" \
       "the browser tests will be skipped or render without CJK fonts" >&2
fi
