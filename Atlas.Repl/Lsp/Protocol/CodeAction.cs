namespace Atlas.Repl.Lsp.Protocol;

/// <summary>A fix the user can apply.</summary>
internal sealed record CodeAction(string Title, string Kind, WorkspaceEdit Edit, bool IsPreferred);
