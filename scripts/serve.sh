#!/usr/bin/env bash
# Sets up, builds the checker page and serves dist/ on http://127.0.0.1:8080/ (PORT=… to change).
# Open http://127.0.0.1:8080/#sample to see the sample report checked.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build-page.sh
exec node scripts/serve.mjs dist "${PORT:-8080}"
