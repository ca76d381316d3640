namespace Atlas.Repl.Lsp.Protocol;

/// <summary>A callable's signature.</summary>
public sealed record SignatureInformation(string Label, string? Documentation, ParameterInformation[] Parameters);
