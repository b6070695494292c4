#!/usr/bin/env bash
# The HTML report is tested in Debian's Chromium (packages chromium): install it when missing.
# Run by `npm test` (pretest) and by .ci/run, so a fresh machine needs nothing beforehand.
set -euo pipefail
if command -v chromium >/dev/null 2>&1 || [ -n "${CHROMIUM_PATH:-}" ]; then exit 0; fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
    echo "kvalitetstjek: testene kræver Debians chromium; installér den (apt-get install chromium) eller sæt CHROMIUM_PATH" >&2
    exit 1
  fi
fi
echo "kvalitetstjek: installerer chromium til browsertestene …" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends chromium >/dev/null
