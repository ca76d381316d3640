namespace Atlas.Repl.Lsp.Protocol;

/// <summary>A label shown inside the text (here: an inferred type).</summary>
internal sealed record InlayHint(Position Position, string Label, int Kind, bool PaddingLeft);
