#!/usr/bin/env bash
# One stage of the scan (see bench/Outbound.Benchmarks/Stages/ScanStages.cs) in two builds of the benchmarks at the same
# time, one per core, the cores swapped every round: both builds meet the same drift of this machine's speed, so the
# ratio of their CPU times within a round is steadier than times taken one after the other.
# Usage: bash bench/stages-ab.sh A_DIR B_DIR STAGE [ROUNDS] [MB]
#   A_DIR, B_DIR: output folders of builds of the benchmarks, e.g. a copy of artifacts/bin/Outbound.Benchmarks/release
#   made after `dotnet build bench/Outbound.Benchmarks -c Release` on each commit
#   STAGE: lines, scanner, parse, fieldscan, scanonly or inventory; ROUNDS: 6; MB: 300 (of the telemetry file below)
# Input: artifacts/throughput/telemetry-1073741824-7.jsonl (bench/throughput.sh generates it).
# Prints each round's best CPU seconds (of three runs in one process) and B/A, then the median ratio.
set -euo pipefail
cd "$(dirname "$0")/.."
[[ $# -ge 3 ]] || { sed -n 5,9p "$0"; exit 2; }
A=$1 B=$2 STAGE=$3 ROUNDS=${4:-6} MB=${5:-300}
FILE=artifacts/throughput/telemetry-1073741824-7.jsonl
[[ -s $FILE ]] || { echo "$FILE is missing: run bash bench/throughput.sh once to generate it"; exit 2; }
WORK=artifacts/stages-ab
mkdir -p "$WORK"
# The command-line tool runs with tiered compilation off; so do the stages.
export DOTNET_TieredCompilation=0 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

cpu_seconds() { awk -v stage="$STAGE" '$1 == stage { print $4 }' "$1"; }

ratios=()
printf '%-6s %10s %10s %8s\n' round A-cpu-s B-cpu-s B/A
for (( round = 1; round <= ROUNDS; round++ )); do
  core_a=$(( round % 2 )) core_b=$(( 1 - round % 2 ))
  taskset -c "$core_a" dotnet "$A/Outbound.Benchmarks.dll" stages "$FILE" "$MB" 3 "$STAGE" >"$WORK/a.txt" &
  taskset -c "$core_b" dotnet "$B/Outbound.Benchmarks.dll" stages "$FILE" "$MB" 3 "$STAGE" >"$WORK/b.txt"
  wait
  a=$(cpu_seconds "$WORK/a.txt") b=$(cpu_seconds "$WORK/b.txt")
  ratio=$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.3f", b / a }')
  ratios+=("$ratio")
  printf '%-6s %10s %10s %8s\n' "$round" "$a" "$b" "$ratio"
done
printf '%s\n' "${ratios[@]}" | sort -n | awk '{ r[NR] = $1 } END { printf "median B/A %s over %d rounds\n", (NR % 2 ? r[(NR + 1) / 2] : (r[NR / 2] + r[NR / 2 + 1]) / 2), NR }'
