#!/usr/bin/env bash
# Two builds of the export on the same input at the same time, one per core, the cores swapped every round: on a
# machine whose speed drifts from minute to minute, both builds meet the same drift, so the ratio of their times within
# a round is steadier than times taken one after the other (an A/A test: 0.90-1.09 per round, median 1.003).
# Usage: bash bench/export-ab.sh A B INPUT [ROUNDS]
#   A, B: published builds (dotnet publish src/Outbound.Cli -c Release -r linux-x64 --self-contained false -o DIR):
#   DIR/outbound.dll, run under dotnet; or any other build's program, run as it is (a self-contained one, say)
#   INPUT: JSON lines to export, e.g. the file bench/export-throughput.sh generates
#   A_ENV, B_ENV (environment, optional): runtime settings for one side only, e.g. B_ENV="DOTNET_TieredPGO=0"; with
#   the same DLL on both sides this compares settings rather than builds
# Prints each round's wall times and B/A, then the median ratio, and each build's last allocation and collection counts.
set -euo pipefail
cd "$(dirname "$0")/.."
[[ $# -ge 3 ]] || { sed -n 5,10p "$0"; exit 2; }
A=$1 B=$2 INPUT=$3 ROUNDS=${4:-6}
WORK=artifacts/export-ab
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
rm -rf "$WORK" && mkdir -p "$WORK"

# Keys made for the comparison only, owner-only; each build gets its own audit key (its head file is written beside it).
(umask 077; mkdir "$WORK/keys"
 openssl rand -hex 32 >"$WORK/keys/subject.key"; openssl rand -hex 32 >"$WORK/keys/quarantine.key"
 for side in a b; do openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$WORK/keys/audit-$side.pem" 2>/dev/null; done)

host() { [[ $1 == *.dll ]] && echo dotnet; return 0; }  # what runs a build: dotnet for a DLL, nothing for the program

export_once() {  # export_once SIDE BUILD CORE: one export into a fresh store; writes $WORK/SIDE.json and $WORK/SIDE.time
  local side=$1 dll=$2 core=$3 store="$WORK/store-$1.db" key="$WORK/keys/audit-$1.pem" settings
  settings=$([[ $side == a ]] && echo "${A_ENV:-}" || echo "${B_ENV:-}")
  rm -rf "$store" "$store-wal" "$store-shm" "$WORK/out-$side" "$key.head"
  $(host "$dll") "$dll" approvals import bench/export-declaration.yaml --store "sqlite:$store" --audit-key "$key" >"$WORK/$side.import" 2>&1 \
    || { echo "build $side: approvals import failed:"; cat "$WORK/$side.import"; exit 2; }
  local start=$EPOCHREALTIME code=0
  env $settings taskset -c "$core" $(host "$dll") "$dll" export "$INPUT" --declaration bench/export-declaration.yaml --policy samples/demo/fleet-policy.yaml \
    --key-file "$WORK/keys/subject.key" --quarantine-key-file "$WORK/keys/quarantine.key" --audit-key "$key" \
    --format json --threads 1 --store "sqlite:$store" --to "$WORK/out-$side" >"$WORK/$side.json" 2>"$WORK/$side.err" || code=$?
  if (( code > 1 )); then echo "build $side failed (exit $code):"; cat "$WORK/$side.err"; exit 2; fi
  awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.2f", b - a }' >"$WORK/$side.time"
}

printf '%-6s %10s %10s %8s\n' round A-seconds B-seconds B/A
for (( round = 1; round <= ROUNDS; round++ )); do
  if (( round % 2 )); then core_a=0 core_b=1; else core_a=1 core_b=0; fi
  export_once a "$A" "$core_a" & pid_a=$!
  export_once b "$B" "$core_b" & pid_b=$!
  wait "$pid_a" && wait "$pid_b"
  awk -v r="$round" -v a="$(cat "$WORK/a.time")" -v b="$(cat "$WORK/b.time")" \
    'BEGIN { printf "%-6d %10.2f %10.2f %8.3f\n", r, a, b, b / a }' | tee -a "$WORK/rounds.txt"
done
sort -n -k4 "$WORK/rounds.txt" | awk '{ r[NR] = $4 } END { m = (NR % 2) ? r[(NR + 1) / 2] : (r[NR / 2] + r[NR / 2 + 1]) / 2; printf "median B/A %.3f over %d rounds\n", m, NR }'
for side in a b; do
  python3 -c "import json,sys; d=json.load(open(sys.argv[1])); m=d['memory']; print(sys.argv[2], 'allocated', round(m['allocated_bytes']/1e9, 2), 'GB; collections gen0/1/2', m['gen0_collections'], m['gen1_collections'], m['gen2_collections'], '; GC pause', d['seconds']['gc_pause'], 's')" "$WORK/$side.json" "${side^^}:"
done
