using System.Runtime.ExceptionServices;
using System.Text;
using Atlas.Modules;
using Atlas.Syntax;

namespace Atlas.Hosting;

public sealed partial class AtlasEngine
{
    /// <summary>
    /// How the engine finds the modules scripts import: <see cref="AtlasOptions.ModuleResolver"/>, or by default files
    /// under <see cref="AtlasPermissions.ModuleRoots"/> (anywhere when <see cref="AtlasPermissions.ReadAnywhere"/>).
    /// </summary>
    private IModuleResolver Resolver =>
        Options.ModuleResolver ?? (Options.Permissions.ReadAnywhere ? FileModuleResolver.Unrestricted : new FileModuleResolver(Options.Permissions.ModuleRoots));

    /// <summary>
    /// Runs the modules <paramref name="source"/> imports (each once per engine) and defines the imported names, so the
    /// script can then be checked like any other. Throws <see cref="AtlasCompileException"/> for a module that cannot be
    /// found or compiled and the runtime error of one that fails while it runs.
    /// </summary>
    private void ImportModules(string source, string path, CancellationToken cancellation)
    {
        // Most scripts import nothing: skip the extra parse for them.
        if (!source.Contains("import", StringComparison.Ordinal)) return;
        var parse = Parser.Parse(source);
        if (parse.HasErrors || parse.Unit.Imports.Count == 0) return;
        var importer = new ModuleSource(Path.GetFullPath(path), path, source);
        var run = _session.Import(importer, parse.Unit, Resolver, cancellation);
        foreach (var module in run.Build.Modules)
            foreach (var proto in module.Program.Functions)
                _sources.AddOrUpdate(proto, new ScriptSource(module.Source.Source, module.Source.DisplayPath));
        if (run.Error != null) ExceptionDispatchInfo.Throw(run.Error);
        var errors = run.Build.Diagnostics.Where(d => d.Diagnostic.IsError).ToList();
        if (errors.Count == 0) return;
        var text = new StringBuilder();
        foreach (var d in run.Build.Diagnostics) text.Append(ModuleRendering.Render(d));
        var header = ModuleRendering.Render(errors[0]);
        throw new AtlasCompileException(header[..header.IndexOf('\n')], errors[0].Module.DisplayPath,
            [.. run.Build.Diagnostics.Select(d => d.Diagnostic)], text.ToString());
    }
}
