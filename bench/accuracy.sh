#!/usr/bin/env bash
# Scores `outbound scan --spans` against three labelled corpora and prints precision, recall and F1 per type:
#   1. a generated corpus (deterministic: fixed seed), judged against the issue's targets;
#   2. the published test vectors of each identifier (tests/Outbound.Core.Tests/Detection/Data/published-vectors.jsonl);
#   3. 150 hand-labelled Chinese sentences (tests/Outbound.Core.Tests/Detection/Data/sentences.jsonl).
# Usage: bash bench/accuracy.sh            (from anywhere; see bench/ACCURACY.md)
# Settings (environment): RECORDS=20000 SEED=20261129 MIN=0.995 MIN_NAMES=0.9 ERRORS=5
#   SCAN_FLAGS=""                  extra flags for `outbound scan` (e.g. --validated-only to leave out names and addresses)
# Exit: 0 when every corpus meets its thresholds, 1 when one does not, 2 when a step fails to run.
set -euo pipefail
cd "$(dirname "$0")/.."

RECORDS=${RECORDS:-20000}
SEED=${SEED:-20261129}
MIN=${MIN:-0.995}
MIN_NAMES=${MIN_NAMES:-0.9}
ERRORS=${ERRORS:-5}
SCAN_FLAGS=${SCAN_FLAGS:-}
WORK=artifacts/accuracy
DATA=tests/Outbound.Core.Tests/Detection/Data

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
mkdir -p "$WORK"

echo "building (Release)..."
dotnet build src/Outbound.Cli/Outbound.Cli.csproj -c Release -v quiet -nologo >"$WORK/build-cli.log" 2>&1 \
  || { cat "$WORK/build-cli.log"; exit 2; }
dotnet build bench/Outbound.Accuracy/Outbound.Accuracy.csproj -c Release -v quiet -nologo >"$WORK/build-accuracy.log" 2>&1 \
  || { cat "$WORK/build-accuracy.log"; exit 2; }
# OUTBOUND_CMD replaces the command, e.g. to score another build: OUTBOUND_CMD="dotnet /path/outbound.dll".
read -ra OUTBOUND <<<"${OUTBOUND_CMD:-dotnet artifacts/bin/Outbound.Cli/release/outbound.dll}"
ACCURACY=(dotnet artifacts/bin/Outbound.Accuracy/release/Outbound.Accuracy.dll)

"${ACCURACY[@]}" generate --records "$RECORDS" --seed "$SEED" --out "$WORK/generated.jsonl"

status=0

# score NAME GOLD [score options...]: runs the scanner over GOLD's "text" fields and scores its spans.
score() {
  local name=$1 gold=$2
  shift 2
  local predicted="$WORK/$name.predicted.jsonl" code=0
  # shellcheck disable=SC2086 # SCAN_FLAGS is a list of flags
  "${OUTBOUND[@]}" scan --spans --field text $SCAN_FLAGS "$gold" >"$predicted" 2>"$WORK/$name.scan.log" || code=$?
  if [[ $code -ne 0 && $code -ne 1 ]]; then  # 0 = nothing found, 1 = findings
    echo "outbound scan failed on $gold (exit $code):"
    cat "$WORK/$name.scan.log"
    status=2
    return
  fi
  code=0
  "${ACCURACY[@]}" score --gold "$gold" --predicted "$predicted" --errors "$ERRORS" --title "$name ($gold)" "$@" || code=$?
  if [[ $code -ne 0 && $status -ne 2 ]]; then
    status=$(( code == 1 ? 1 : 2 ))
  fi
}

score generated "$WORK/generated.jsonl" --min "$MIN" --min-names "$MIN_NAMES"
score published-vectors "$DATA/published-vectors.jsonl" --min "$MIN"
score sentences "$DATA/sentences.jsonl" --min "$MIN"

case $status in
  0) echo "accuracy: every corpus meets its thresholds (validated types P and R >= $MIN; names/addresses F1 >= $MIN_NAMES on the generated corpus)" ;;
  1) echo "accuracy: thresholds not met (see BELOW THRESHOLD lines above)" ;;
  *) echo "accuracy: a step failed to run" ;;
esac
exit "$status"
