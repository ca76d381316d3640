using Atlas.Diagnostics;

namespace Atlas.Syntax;

/// <summary>One imported name of <c>import { a, b } from "./m";</c> and where it is written.</summary>
internal sealed record ImportedName(string Name, TextSpan Span);

/// <summary>
/// A top-level <c>import { a, b } from "./m";</c> or <c>import * as ns from "./m";</c> (language.md §15). Imports are
/// kept beside the statements (<see cref="CompilationUnit.Imports"/>): the module loader resolves them before the
/// unit is checked, so the binder, checker and compiler never see one.
/// </summary>
internal sealed class ImportDecl : SyntaxNode
{
    /// <summary>The module path as written, e.g. <c>./math</c>.</summary>
    public required string Source { get; init; }
    public required TextSpan SourceSpan { get; init; }
    public required List<ImportedName> Names { get; init; }
    /// <summary>The <c>* as ns</c> part of a namespace import (not supported: AT5007), or null.</summary>
    public TextSpan? NamespaceSpan { get; init; }
}
