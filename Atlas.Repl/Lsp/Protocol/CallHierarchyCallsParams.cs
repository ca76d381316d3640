namespace Atlas.Repl.Lsp.Protocol;

/// <summary>Parameters of <c>callHierarchy/incomingCalls</c> and <c>callHierarchy/outgoingCalls</c>.</summary>
internal sealed record CallHierarchyCallsParams(CallHierarchyItem Item);
