namespace Atlas.Repl.Lsp.Protocol;

/// <summary>A parameter of a signature, by its label.</summary>
public sealed record ParameterInformation(string Label);
