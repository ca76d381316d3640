namespace Atlas.Repl.Lsp.Protocol;

/// <summary>A callable's signature.</summary>
internal sealed record SignatureInformation(string Label, string? Documentation, ParameterInformation[] Parameters);
