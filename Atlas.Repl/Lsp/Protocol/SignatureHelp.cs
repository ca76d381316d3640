namespace Atlas.Repl.Lsp.Protocol;

/// <summary>The result of <c>textDocument/signatureHelp</c>.</summary>
internal sealed record SignatureHelp(SignatureInformation[] Signatures, int ActiveSignature, int ActiveParameter);
