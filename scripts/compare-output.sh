#!/usr/bin/env bash
# Compare what two versions of the checker say about the same inputs: builds REV (default HEAD)
# in a temporary worktree and the working tree, runs examples/dump_reports.rs with both, and
# fails if any report's JSON differs. Use it for every change meant only to make the checker
# faster. Usage: scripts/compare-output.sh [REV] [N generated per form, default 200]
set -euo pipefail
cd "$(dirname "$0")/.."
rev="${1:-HEAD}"
n="${2:-200}"
tmp="$(mktemp -d)"
trap 'git worktree remove --force "$tmp/tree" >/dev/null 2>&1 || true; rm -rf "$tmp"' EXIT
git worktree add --detach "$tmp/tree" "$rev" >/dev/null
# The fixtures live next to the repository (../shared).
ln -s "$(cd .. && pwd)/shared" "$tmp/shared"
cp examples/dump_reports.rs "$tmp/tree/examples/"
(cd "$tmp/tree" && CARGO_TARGET_DIR="$tmp/target" cargo build -q --release --example dump_reports)
cargo build -q --release --example dump_reports
"$tmp/target/release/examples/dump_reports" "$n" > "$tmp/before.jsonl"
target/release/examples/dump_reports "$n" > "$tmp/after.jsonl"
if cmp -s "$tmp/before.jsonl" "$tmp/after.jsonl"; then
  echo "same output for $(wc -l < "$tmp/after.jsonl") reports ($rev and the working tree)"
else
  echo "output differs from $rev:"
  diff <(tr ',' '\n' < "$tmp/before.jsonl") <(tr ',' '\n' < "$tmp/after.jsonl") | head -40
  exit 1
fi
