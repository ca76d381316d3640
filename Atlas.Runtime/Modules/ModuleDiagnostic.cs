using Atlas.Diagnostics;

namespace Atlas.Modules;

/// <summary>A diagnostic and the module whose text its span points into.</summary>
internal sealed record ModuleDiagnostic(ModuleSource Module, Diagnostic Diagnostic);
