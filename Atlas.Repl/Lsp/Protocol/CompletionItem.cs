namespace Atlas.Repl.Lsp.Protocol;

/// <summary>One completion proposal.</summary>
internal sealed record CompletionItem(string Label, int Kind, string? Detail = null, string? Documentation = null);
