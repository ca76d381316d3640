using Atlas.Modules;
using Atlas.Syntax;
using Atlas.Vm;

namespace Atlas.Repl.Repl;

internal sealed partial class ReplSession
{
    /// <summary>
    /// An entry with <c>import { … } from "./m";</c>: the modules (paths relative to the current directory, or to the
    /// file of a <c>:load</c>) are checked and run once per session and the imported names join the session. Reports
    /// what goes wrong and returns false then.
    /// </summary>
    private bool ImportModules(ReplEntry entry)
    {
        if (!entry.Source.Text.Contains("import", StringComparison.Ordinal)) return true;
        var parse = Parser.Parse(entry.Source.Text);
        if (parse.HasErrors || parse.Unit.Imports.Count == 0) return true;
        var importer = new ModuleSource(Path.GetFullPath(entry.Path), entry.Path, entry.Source.Text);
        _session.Tiering = JitEnabled ? Jit!.Hook : null;
        var run = _session.Import(importer, parse.Unit, FileModuleResolver.Unrestricted);
        foreach (var module in run.Build.Modules)
        {
            var moduleEntry = new ReplEntry(0, module.Source.Text, module.Source.DisplayPath);
            foreach (var proto in module.Program.Functions) _entryOfProto[proto] = moduleEntry;
        }
        _out.Flush();
        foreach (var d in run.Build.Diagnostics) _err.Write(ModuleRendering.Render(d));
        if (run.Error is AtlasRuntimeException runtime) _err.Write(ModuleRendering.Render(run.Build, importer, runtime));
        else if (run.Error != null) InternalError(entry, run.Error);
        return run.Error == null && !run.Build.Diagnostics.Any(d => d.Diagnostic.IsError);
    }
}
