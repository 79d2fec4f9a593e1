#!/usr/bin/env bash
# Times `outbound scan` against ripgrep on the same telemetry file, both pinned to one core.
# ripgrep counts matches of an equivalent, unvalidated regular-expression set (bench/rg-patterns.txt);
# outbound validates every candidate. Prints MB/s of each, the ratio outbound/ripgrep and peak RSS.
# Usage: bash bench/throughput.sh          (from anywhere; see bench/ACCURACY.md)
# Settings (environment): SIZE=1073741824 (bytes of JSON lines; or SIZE_MB=300 for 300 MiB) SEED=7 RUNS=3 (best of) CORE=0
#   CHECK=1   exit 1 when the validated-types ratio is below 1.0
set -euo pipefail
cd "$(dirname "$0")/.."

SIZE=${SIZE:-$(( ${SIZE_MB:-1024} * 1048576 ))}
SEED=${SEED:-7}
RUNS=${RUNS:-3}
CORE=${CORE:-0}
CHECK=${CHECK:-0}
WORK=artifacts/throughput
PATTERNS=bench/rg-patterns.txt

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
mkdir -p "$WORK"

# Tools: ripgrep (Debian package `ripgrep`), GNU time (`time`), taskset (`util-linux`).
missing=()
command -v rg >/dev/null || missing+=(ripgrep)
[[ -x /usr/bin/time ]] || missing+=(time)
command -v taskset >/dev/null || missing+=(util-linux)
if (( ${#missing[@]} > 0 )); then
  echo "installing ${missing[*]}..."
  apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null
fi

echo "publishing (Release, linux-x64)..."
# Published as it would be installed: start-up code precompiled (see src/Outbound.Cli/Outbound.Cli.csproj).
dotnet publish src/Outbound.Cli/Outbound.Cli.csproj -c Release -r linux-x64 --self-contained false -o artifacts/publish/outbound -v quiet -nologo >"$WORK/build-cli.log" 2>&1 \
  || { cat "$WORK/build-cli.log"; exit 2; }
dotnet build bench/Outbound.Accuracy/Outbound.Accuracy.csproj -c Release -v quiet -nologo >"$WORK/build-accuracy.log" 2>&1 \
  || { cat "$WORK/build-accuracy.log"; exit 2; }
# OUTBOUND_CMD replaces the command, e.g. to score another build: OUTBOUND_CMD="dotnet /path/outbound.dll".
read -ra OUTBOUND <<<"${OUTBOUND_CMD:-dotnet artifacts/publish/outbound/outbound.dll}"
ACCURACY=(dotnet artifacts/bin/Outbound.Accuracy/release/Outbound.Accuracy.dll)

# The same seed gives the same records, so the small file is a prefix of the large one (for the memory check).
FILE="$WORK/telemetry-$SIZE-$SEED.jsonl"
SMALL="$WORK/telemetry-$(( SIZE / 8 ))-$SEED.jsonl"
for target in "$FILE:$SIZE" "$SMALL:$(( SIZE / 8 ))"; do
  path=${target%%:*} bytes=${target##*:}
  if [[ ! -s $path ]]; then
    echo "generating $path..."
    "${ACCURACY[@]}" generate --bytes "$bytes" --kinds telemetry --raw --seed "$SEED" --out "$path"
  fi
done
actual=$(stat -c %s "$FILE")
cat "$FILE" >/dev/null  # warm the page cache so both tools read from memory

# measure LABEL FILE COMMAND...: best wall time of RUNS runs on one core; sets SECONDS_BEST and RSS_KB.
measure() {
  local label=$1 file=$2
  shift 2
  SECONDS_BEST="" RSS_KB=0
  for (( run = 1; run <= RUNS; run++ )); do
    local start end code=0 elapsed rss
    start=$EPOCHREALTIME
    /usr/bin/time -v -o "$WORK/time.txt" taskset -c "$CORE" "$@" "$file" >"$WORK/$label.out" 2>"$WORK/$label.err" || code=$?
    end=$EPOCHREALTIME
    if [[ $code -ne 0 && $code -ne 1 ]]; then  # outbound: 1 = findings; rg: 1 = no match
      echo "$label failed (exit $code):"; cat "$WORK/$label.err"; exit 2
    fi
    elapsed=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }')
    rss=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$WORK/time.txt")
    if [[ -z $SECONDS_BEST ]] || awk -v a="$elapsed" -v b="$SECONDS_BEST" 'BEGIN { exit !(a < b) }'; then
      SECONDS_BEST=$elapsed
    fi
    if (( rss > RSS_KB )); then
      RSS_KB=$rss
    fi
  done
}

mbps() { awk -v bytes="$1" -v s="$2" 'BEGIN { printf "%.1f", bytes / 1e6 / s }'; }

echo "timing on core $CORE, best of $RUNS, $(awk -v b="$actual" 'BEGIN { printf "%.1f", b / 1e6 }') MB..."
measure rg "$FILE" rg -j1 --count-matches -f "$PATTERNS"
rg_s=$SECONDS_BEST rg_rss=$RSS_KB
measure outbound "$FILE" "${OUTBOUND[@]}" scan --format json --validated-only
ob_s=$SECONDS_BEST ob_rss=$RSS_KB
# Names and addresses (on by default; --validated-only leaves them out) are timed separately.
measure outbound-names "$FILE" "${OUTBOUND[@]}" scan --format json
obn_s=$SECONDS_BEST obn_rss=$RSS_KB
RUNS=1 measure outbound-small "$SMALL" "${OUTBOUND[@]}" scan --format json --validated-only
small_rss=$RSS_KB

rg_mbps=$(mbps "$actual" "$rg_s") ob_mbps=$(mbps "$actual" "$ob_s") obn_mbps=$(mbps "$actual" "$obn_s")
ratio=$(awk -v a="$ob_mbps" -v b="$rg_mbps" 'BEGIN { printf "%.2f", a / b }')
ratio_names=$(awk -v a="$obn_mbps" -v b="$rg_mbps" 'BEGIN { printf "%.2f", a / b }')

printf '\n%-44s %9s %9s %12s\n' "run (one core, $(basename "$FILE"))" "seconds" "MB/s" "peak RSS MB"
printf '%-44s %9s %9s %12s\n' "rg -j1 --count-matches -f $PATTERNS" "$rg_s" "$rg_mbps" "$(( rg_rss / 1024 ))"
printf '%-44s %9s %9s %12s\n' "outbound scan --format json --validated-only" "$ob_s" "$ob_mbps" "$(( ob_rss / 1024 ))"
printf '%-44s %9s %9s %12s\n' "outbound scan --format json (names, addresses)" "$obn_s" "$obn_mbps" "$(( obn_rss / 1024 ))"
echo
echo "ratio outbound/ripgrep: $ratio (validated types), $ratio_names (with names and addresses); target >= 1.0"
echo "rg matches: $(cat "$WORK/rg.out")"
echo "peak RSS: $(( small_rss / 1024 )) MB on $(( SIZE / 8 )) bytes, $(( ob_rss / 1024 )) MB on $actual bytes (flat memory means about equal)"

if [[ $CHECK == 1 ]] && awk -v r="$ratio" 'BEGIN { exit !(r < 1.0) }'; then
  echo "throughput: ratio below 1.0"
  exit 1
fi
