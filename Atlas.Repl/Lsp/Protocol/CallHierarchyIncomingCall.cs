namespace Atlas.Repl.Lsp.Protocol;

/// <summary>A function that calls the item, with the ranges of the calls.</summary>
internal sealed record CallHierarchyIncomingCall(CallHierarchyItem From, LspRange[] FromRanges);
