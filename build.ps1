# Build, test or run Atlas from PowerShell; does the same as the README's commands.
#   ./build.ps1            # build
#   ./build.ps1 test       # dotnet test Atlas.sln
#   ./build.ps1 run FILE   # atlas run FILE
#   ./build.ps1 pack       # the NuGet packages into artifacts/packages (docs/packaging.md)
param([string]$Task = "build", [string]$File = "examples/hello.atl")
$ErrorActionPreference = "Stop"
switch ($Task) {
    "build" { dotnet build Atlas.sln -c Release }
    "test"  { dotnet test Atlas.sln }
    "run"   { dotnet run -c Release --project Atlas.Repl -- run $File }
    "pack"  { dotnet pack -c Release -o artifacts/packages }
    default { Write-Error "unknown task '$Task' (build, test, run, pack)"; exit 2 }
}
exit $LASTEXITCODE
