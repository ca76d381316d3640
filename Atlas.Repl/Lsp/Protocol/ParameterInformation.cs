namespace Atlas.Repl.Lsp.Protocol;

/// <summary>A parameter of a signature, by its label.</summary>
internal sealed record ParameterInformation(string Label);
