#!/usr/bin/env bash
# Idempotent setup for a fresh Debian machine that has only Node + npm:
# dependencies, Chromium + a CJK font (for e2e tests and screenshots), seeds, and the build.
# Safe to rerun: each step is skipped or cheap when already done.
set -euo pipefail
cd "$(dirname "$0")/.."

quiet=()
[[ "${CI:-}" == "true" ]] && quiet=(--loglevel=error)

# 1. node_modules, reinstalled when package.json / package-lock.json changed since the last install.
stamp=node_modules/.duban-setup-stamp
want=$(cat package.json package-lock.json 2>/dev/null | sha256sum | cut -d' ' -f1)
if [[ ! -d node_modules || "$(cat "$stamp" 2>/dev/null)" != "$want" ]]; then
  echo "setup: installing npm dependencies"
  if [[ -f package-lock.json ]]; then
    npm ci --no-audit --no-fund "${quiet[@]}"
  else
    npm install --no-audit --no-fund "${quiet[@]}"
  fi
  # Hash again: `npm install` may have just written the lockfile.
  cat package.json package-lock.json 2>/dev/null | sha256sum | cut -d' ' -f1 >"$stamp"
fi

# 2. Debian Chromium (playwright-core can't download its own browser here), its UI languages
#    (chromium-l10n: without zh-CN.pak the browser, and so duban, speaks only en-US), a Chinese
#    font, without which the notices render as tofu boxes in screenshots, and poppler-utils
#    (pdftotext, pdftoppm: the printed report's pages are read back page by page).
if [[ ! -x /usr/bin/chromium ]] || [[ ! -f /usr/lib/chromium/locales/zh-CN.pak ]] || ! command -v fc-list >/dev/null || [[ -z "$(fc-list :lang=zh 2>/dev/null)" ]] || ! command -v pdftotext >/dev/null; then
  echo "setup: installing chromium, chromium-l10n, fonts-noto-cjk and poppler-utils"
  sudo=()
  if [[ $(id -u) -ne 0 ]]; then
    command -v sudo >/dev/null || { echo "setup: need root or sudo to apt-get install chromium chromium-l10n fonts-noto-cjk poppler-utils" >&2; exit 1; }
    sudo=(sudo)
  fi
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-l10n fonts-noto-cjk poppler-utils >/dev/null
fi

# 3. Seed pages (deterministic, generated, never hand-edited) and the extension build.
echo "setup: generating seeds"
npx tsx scripts/make-seeds.ts >/dev/null
echo "setup: building the extension"
if [[ "${CI:-}" == "true" ]]; then
  # Keep CI logs short: show the build's output only when it fails.
  mkdir -p artifacts
  npx wxt build >artifacts/build.log 2>&1 || { tail -n 60 artifacts/build.log >&2; exit 1; }
else
  npx wxt build
fi
