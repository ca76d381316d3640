using Atlas.Diagnostics;
using Atlas.Semantics;

namespace Atlas.Repl.Lsp.Analysis;

/// <summary>One place a symbol's name is written: its declaration or a use.</summary>
internal readonly record struct Occurrence(Symbol Symbol, TextSpan Span, bool IsDeclaration);
