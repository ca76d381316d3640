#!/usr/bin/env bash
# Runs the shared benchmark programs with Atlas (JIT and --no-jit) beside the C# baseline and prints
# the table (median wall-clock seconds and ratios to C#). Extra arguments select workloads.
#   scripts/bench.sh                 # all seven workloads
#   BENCH_RUNS=5 scripts/bench.sh fib loop
#   BENCH_ENGINES="csharp atlas-jit atlas-interp node python3" scripts/bench.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bench=${ATLAS_BENCH_DIR:-$root/../shared/bench}
dotnet build -c Release "$root/Atlas.Repl/Atlas.Repl.csproj" -v q -nologo >/dev/null
export ATLAS_CMD="dotnet $root/Atlas.Repl/bin/Release/net10.0/atlas.dll"
export BENCH_ENGINES=${BENCH_ENGINES:-"csharp csharp-f64 atlas-jit atlas-interp"}
exec "$bench/run.sh" "$@"
