#!/usr/bin/env bash
# Runs the shared benchmark programs with Atlas (JIT and --no-jit) beside the C# baseline and prints
# the table (median wall-clock seconds and ratios to C#). Extra arguments select workloads.
#   scripts/bench.sh                 # all seven workloads
#   BENCH_RUNS=5 scripts/bench.sh fib loop
#   BENCH_ENGINES="csharp atlas-jit atlas-interp node python3" scripts/bench.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bench=${ATLAS_BENCH_DIR:-$root/../shared/bench}
# ReadyToRun: the runtime, compiler and JIT start precompiled, as an installed `atlas` would (README).
dotnet publish "$root/Atlas.Repl/Atlas.Repl.csproj" -c Release --use-current-runtime --self-contained false \
  -p:PublishReadyToRun=true -o "$root/artifacts/atlas" -v q -nologo >/dev/null
export ATLAS_CMD="dotnet $root/artifacts/atlas/atlas.dll"
export BENCH_ENGINES=${BENCH_ENGINES:-"csharp csharp-f64 atlas-jit atlas-interp"}
exec "$bench/run.sh" "$@"
