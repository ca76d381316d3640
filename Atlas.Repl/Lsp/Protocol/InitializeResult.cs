namespace Atlas.Repl.Lsp.Protocol;

/// <summary>The result of <c>initialize</c>.</summary>
public sealed record InitializeResult(ServerCapabilities Capabilities, ServerInfo ServerInfo);
