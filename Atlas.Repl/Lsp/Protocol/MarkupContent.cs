namespace Atlas.Repl.Lsp.Protocol;

/// <summary>Markdown or plain text shown by the client.</summary>
internal sealed record MarkupContent(string Kind, string Value);
