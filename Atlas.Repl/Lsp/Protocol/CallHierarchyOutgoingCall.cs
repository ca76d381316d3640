namespace Atlas.Repl.Lsp.Protocol;

/// <summary>A function the item calls, with the ranges of the calls.</summary>
internal sealed record CallHierarchyOutgoingCall(CallHierarchyItem To, LspRange[] FromRanges);
