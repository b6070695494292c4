#!/usr/bin/env bash
# The HTML and PDF reports are tested in Debian's Chromium (package chromium), and the PDF is read
# back with pdftotext (package poppler-utils): install what is missing.
# Run by `npm test` (pretest) and by .ci/run, so a fresh machine needs nothing beforehand.
set -euo pipefail
need=()
if ! command -v chromium >/dev/null 2>&1 && [ -z "${CHROMIUM_PATH:-}" ]; then need+=(chromium); fi
if ! command -v pdftotext >/dev/null 2>&1; then need+=(poppler-utils); fi
if [ "${#need[@]}" -eq 0 ]; then exit 0; fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
    echo "kvalitetstjek: testene kræver Debians ${need[*]}; installér (apt-get install ${need[*]}), eller sæt CHROMIUM_PATH" >&2
    exit 1
  fi
fi
echo "kvalitetstjek: installerer ${need[*]} til browsertestene …" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
