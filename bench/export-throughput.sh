#!/usr/bin/env bash
# Export throughput against scan-only throughput on the same telemetry file, on one core and on two.
# Breaks the export's time down by running, on the same input: scan (read + detect with every recognizer, names and
# addresses included, as the export detects: the baseline of vs-scan), scan --validated-only (the faster scan that
# bench/throughput.sh times against ripgrep: the baseline of vs-valid), export --dry-run (read + detect + transform +
# decide, nothing written) and the full export (+ ledger, quarantine,
# audit, part files). Prints MB/s and records/s of each, the export/scan ratio of the best runs and of each round
# (with their median), and peak RSS.
# Usage: bash bench/export-throughput.sh
# Settings (environment): SIZE=1073741824 (bytes of JSON lines) SEED=7 RUNS=1 (rounds: best of, each stage run once a round) CORES="0 0,1"
set -euo pipefail
cd "$(dirname "$0")/.."

SIZE=${SIZE:-1073741824}
SEED=${SEED:-7}
RUNS=${RUNS:-1}
CORES=${CORES:-"0 0,1"}
WORK=artifacts/export-throughput
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
mkdir -p "$WORK"

missing=()
[[ -x /usr/bin/time ]] || missing+=(time)
command -v taskset >/dev/null || missing+=(util-linux)
if (( ${#missing[@]} > 0 )); then
  echo "installing ${missing[*]}..."
  apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null
fi

echo "publishing (Release, linux-x64)..."
# Published as it would be installed: start-up code precompiled (see src/Outbound.Cli/Outbound.Cli.csproj).
dotnet publish src/Outbound.Cli/Outbound.Cli.csproj -c Release -r linux-x64 --self-contained false -o artifacts/publish/outbound -v quiet -nologo >"$WORK/build-cli.log" 2>&1 || { cat "$WORK/build-cli.log"; exit 2; }
dotnet build bench/Outbound.Accuracy/Outbound.Accuracy.csproj -c Release -v quiet -nologo >"$WORK/build-accuracy.log" 2>&1 || { cat "$WORK/build-accuracy.log"; exit 2; }
OUTBOUND=(dotnet artifacts/publish/outbound/outbound.dll)
ACCURACY=(dotnet artifacts/bin/Outbound.Accuracy/release/Outbound.Accuracy.dll)

FILE="$WORK/telemetry-$SIZE-$SEED.jsonl"
if [[ ! -s $FILE ]]; then
  echo "generating $FILE..."
  "${ACCURACY[@]}" generate --bytes "$SIZE" --kinds telemetry --raw --seed "$SEED" --out "$FILE"
fi
bytes=$(stat -c %s "$FILE")
records=$(wc -l <"$FILE")
cat "$FILE" >/dev/null

# Keys made for the benchmark only, owner-only.
KEYS="$WORK/keys"
if [[ ! -d $KEYS ]]; then
  mkdir -m 700 "$KEYS"
  (umask 077; openssl rand -hex 32 >"$KEYS/subject.key"; openssl rand -hex 32 >"$KEYS/quarantine.key";
   openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$KEYS/audit.pem" 2>/dev/null)
fi
DECLARATION=bench/export-declaration.yaml
POLICY=samples/demo/fleet-policy.yaml

declare -A BEST RSS_KB LAST
run() {  # run STAGE LABEL CORESET COMMAND...: one run; keeps its wall time in LAST[STAGE], the best in BEST[STAGE], the peak RSS in RSS_KB[STAGE]
  local stage=$1 label=$2 cores=$3
  shift 3
  local store="$WORK/store-$label.db" out="$WORK/out-$label"
  rm -rf "$store" "$store-wal" "$store-shm" "$out" "$KEYS/audit.pem.head"
  local where=()
  if [[ $label != scan ]]; then
    "${OUTBOUND[@]}" approvals import "$DECLARATION" --store "sqlite:$store" --audit-key "$KEYS/audit.pem" >/dev/null 2>&1
    where=(--store "sqlite:$store" --to "$out")
  fi
  local start=$EPOCHREALTIME code=0
  /usr/bin/time -v -o "$WORK/time.txt" taskset -c "$cores" "$@" "${where[@]}" >"$WORK/$label.out" 2>"$WORK/$label.err" || code=$?
  local end=$EPOCHREALTIME
  if [[ $code -gt 1 ]]; then echo "$label failed (exit $code):"; cat "$WORK/$label.err"; exit 2; fi
  local elapsed rss
  elapsed=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }')
  rss=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$WORK/time.txt")
  LAST[$stage]=$elapsed
  if [[ -z ${BEST[$stage]:-} ]] || awk -v a="$elapsed" -v b="${BEST[$stage]}" 'BEGIN { exit !(a < b) }'; then BEST[$stage]=$elapsed; fi
  if (( rss > ${RSS_KB[$stage]:-0} )); then RSS_KB[$stage]=$rss; fi
}

EXPORT=("${OUTBOUND[@]}" export "$FILE" --declaration "$DECLARATION" --policy "$POLICY"
  --key-file "$KEYS/subject.key" --quarantine-key-file "$KEYS/quarantine.key" --audit-key "$KEYS/audit.pem" --format json)
printf '%s MB, %s records\n' "$(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }')" "$records"
printf '%-8s %-22s %10s %10s %12s %8s %8s %9s\n' cores stage seconds MB/s records/s vs-scan vs-valid RSS-MB
for cores in $CORES; do
  threads=$(awk -F, '{ print NF }' <<<"$cores")
  # The machine's speed may drift from minute to minute: the stages take turns, round after round, so that each has
  # its runs spread over the same minutes as the others, and the best of each is taken.
  # Each round's own export ÷ scan is kept too: its two runs are minutes apart at most, where the best of each may
  # come from different rounds.
  BEST=() RSS_KB=() ROUND_RATIOS=()
  for (( round = 1; round <= RUNS; round++ )); do
    run scan scan "$cores" "${OUTBOUND[@]}" scan --format json "$FILE" --key-file "$KEYS/subject.key"
    run valid scan "$cores" "${OUTBOUND[@]}" scan --validated-only --format json "$FILE" --key-file "$KEYS/subject.key"
    run dry dry "$cores" "${EXPORT[@]}" --threads "$threads" --dry-run
    run full export "$cores" "${EXPORT[@]}" --threads "$threads"
    ROUND_RATIOS+=("$(awk -v s="${LAST[scan]}" -v e="${LAST[full]}" 'BEGIN { printf "%.3f", s / e }')")
  done
  scan=${BEST[scan]} scan_rss=${RSS_KB[scan]} valid=${BEST[valid]} valid_rss=${RSS_KB[valid]}
  dry=${BEST[dry]} dry_rss=${RSS_KB[dry]} full=${BEST[full]} full_rss=${RSS_KB[full]}
  for stage in "scan:$scan:$scan_rss" "scan --validated-only:$valid:$valid_rss" "export --dry-run:$dry:$dry_rss" "export:$full:$full_rss"; do
    IFS=: read -r name seconds rss <<<"$stage"
    awk -v c="$cores" -v n="$name" -v s="$seconds" -v b="$bytes" -v r="$records" -v base="$scan" -v valid="$valid" -v rss="$rss" \
      'BEGIN { printf "%-8s %-22s %10.2f %10.1f %12.0f %8.2f %8.2f %9.0f\n", c, n, s, b / 1e6 / s, r / s, base / s, valid / s, rss / 1024 }'
  done
  median=$(printf '%s\n' "${ROUND_RATIOS[@]}" | sort -n | awk '{ v[NR] = $1 } END { printf "%.3f", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }')
  printf '%-8s export ÷ scan round by round: %s (median %s)\n' "$cores" "${ROUND_RATIOS[*]}" "$median"
done
echo "breakdown: detect ≈ scan; transform + decide ≈ dry-run − scan; ledger + quarantine + audit + write ≈ export − dry-run"
