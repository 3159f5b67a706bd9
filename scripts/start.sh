#!/usr/bin/env bash
# `npm start`: set up, then open the seed notice at its official URL with duban loaded.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec npx tsx scripts/start.ts "$@"
