namespace Atlas.Repl.Lsp.Protocol;

/// <summary>The result of <c>textDocument/signatureHelp</c>.</summary>
public sealed record SignatureHelp(SignatureInformation[] Signatures, int ActiveSignature, int ActiveParameter);
