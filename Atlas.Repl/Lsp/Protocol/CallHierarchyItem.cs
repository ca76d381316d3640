namespace Atlas.Repl.Lsp.Protocol;

/// <summary>A function in the call hierarchy.</summary>
internal sealed record CallHierarchyItem(string Name, int Kind, string? Detail, string Uri, LspRange Range, LspRange SelectionRange);
