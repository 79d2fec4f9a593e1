#!/usr/bin/env bash
# Two builds of `outbound scan` on the same input at the same time, one per core, the cores swapped every round: both
# builds meet the same drift of this machine's speed, so the ratio of their times within a round is steadier than times
# taken one after the other. Then checks that both wrote the same inventory (with one key file, byte for byte).
# Usage: bash bench/scan-ab.sh A B INPUT [ROUNDS] [SCAN OPTIONS...]
#   A, B: published builds (dotnet publish src/Outbound.Cli -c Release -r linux-x64 --self-contained false -o DIR):
#   DIR/outbound.dll, run under dotnet; or any other build's program, run as it is (a self-contained one, say)
#   INPUT: a file to scan, e.g. the one bench/throughput.sh generates
#   SCAN OPTIONS: passed to both scans; by default --validated-only, and --names for none (names and addresses too)
# Prints each round's wall seconds, peak RSS and B/A, then the median ratio.
set -euo pipefail
cd "$(dirname "$0")/.."
[[ $# -ge 3 ]] || { sed -n 5,9p "$0"; exit 2; }
A=$1 B=$2 INPUT=$3 ROUNDS=${4:-6}
shift $(( $# < 4 ? $# : 4 ))
OPTIONS=("$@")
if (( ${#OPTIONS[@]} == 0 )); then OPTIONS=(--validated-only); elif [[ ${OPTIONS[*]} == --names ]]; then OPTIONS=(); fi
WORK=artifacts/scan-ab
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
rm -rf "$WORK" && mkdir -p "$WORK"
(umask 077; openssl rand -hex 32 >"$WORK/subject.key")

host() { [[ $1 == *.dll ]] && echo dotnet; return 0; }  # what runs a build: dotnet for a DLL, nothing for the program

scan_once() {  # scan_once SIDE BUILD CORE: writes $WORK/SIDE.json, $WORK/SIDE.time (seconds) and $WORK/SIDE.rss (KB)
  local side=$1 dll=$2 core=$3 start=$EPOCHREALTIME code=0
  /usr/bin/time -f "%M" -o "$WORK/$side.rss" taskset -c "$core" $(host "$dll") "$dll" scan --format json "${OPTIONS[@]}" \
    --key-file "$WORK/subject.key" "$INPUT" >"$WORK/$side.json" 2>"$WORK/$side.err" || code=$?
  if (( code > 1 )); then echo "build $side failed (exit $code):"; cat "$WORK/$side.err"; exit 2; fi
  awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.3f", b - a }' >"$WORK/$side.time"
}

printf '%-6s %10s %10s %8s %8s %8s\n' round A-seconds B-seconds B/A A-RSS-MB B-RSS-MB
for (( round = 1; round <= ROUNDS; round++ )); do
  if (( round % 2 )); then core_a=0 core_b=1; else core_a=1 core_b=0; fi
  scan_once a "$A" "$core_a" & pid_a=$!
  scan_once b "$B" "$core_b" & pid_b=$!
  wait "$pid_a" && wait "$pid_b"
  awk -v r="$round" -v a="$(cat "$WORK/a.time")" -v b="$(cat "$WORK/b.time")" -v ra="$(tail -1 "$WORK/a.rss")" -v rb="$(tail -1 "$WORK/b.rss")" \
    'BEGIN { printf "%-6d %10.3f %10.3f %8.3f %8.0f %8.0f\n", r, a, b, b / a, ra / 1024, rb / 1024 }' | tee -a "$WORK/rounds.txt"
done
sort -n -k4 "$WORK/rounds.txt" | awk '{ r[NR] = $4 } END { m = (NR % 2) ? r[(NR + 1) / 2] : (r[NR / 2] + r[NR / 2 + 1]) / 2; printf "median B/A %.3f over %d rounds\n", m, NR }'
if cmp -s "$WORK/a.json" "$WORK/b.json"; then echo "inventories: the same"; else echo "inventories: DIFFERENT (diff $WORK/a.json $WORK/b.json)"; exit 1; fi
