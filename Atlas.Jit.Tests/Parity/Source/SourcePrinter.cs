using System.Text;

namespace Atlas.Jit.Tests.TierParity.Source;

/// <summary>Prints a random program as Atlas source. Every compound expression is parenthesised, so precedence never matters.</summary>
public static class SourcePrinter
{
    public static string Program(SProgram p)
    {
        var sb = new StringBuilder();
        foreach (var s in p.Globals) sb.Append(Stmt(s, 0));
        foreach (var f in p.Funcs) sb.Append(Function(f, 0));
        foreach (var s in p.Top) sb.Append(Stmt(s, 0));
        return sb.ToString();
    }

    private static string Function(SFunc f, int depth)
    {
        var pad = Pad(depth);
        var ps = string.Join(", ", f.Params.Select(p => $"{p.Name}: {STypes.Syntax(p.Type)}"));
        return $"{pad}fn {f.Name}({ps}) -> {STypes.Syntax(f.Return)} {{\n{Block(f.Body, depth + 1)}{pad}}}\n";
    }

    private static string Pad(int depth) => new(' ', depth * 4);

    private static string Block(SStmt[] block, int depth) => string.Concat(block.Select(s => Stmt(s, depth)));

    public static string Stmt(SStmt s, int depth)
    {
        var pad = Pad(depth);
        string E(int i) => Expr(s.Exprs[i]);
        string B(int i) => Block(s.Blocks[i], depth + 1);
        return s.Op switch
        {
            "let" or "var" => $"{pad}{s.Op} {s.Text}{(s.Extra.Length > 0 ? ": " + s.Extra : "")} = {E(0)};\n",
            "assign" => $"{pad}{s.Text} = {E(0)};\n",
            "compound" => $"{pad}{s.Text} {s.Extra} {E(0)};\n",
            "inc" => $"{pad}{s.Text}{s.Extra};\n",
            "setidx" => $"{pad}{s.Text}[{E(0)}] {s.Extra} {E(1)};\n",
            "expr" => $"{pad}{E(0)};\n",
            "if" => $"{pad}if ({E(0)}) {{\n{B(0)}{pad}}}{Else(s, depth)}\n",
            "for" => $"{pad}for (var {s.Text} = 0; {s.Text} < {s.Extra}; {s.Text}++) {{\n{B(0)}{pad}}}\n",
            "while" => $"{pad}var {s.Text} = 0;\n{pad}while ({s.Text} < {s.Extra}) {{\n{pad}    {s.Text} = {s.Text} + 1;\n{B(0)}{pad}}}\n",
            "forin" => $"{pad}for {s.Text} in {E(0)} {{\n{B(0)}{pad}}}\n",
            "break" or "continue" => $"{pad}{s.Op};\n",
            "return" => $"{pad}return {E(0)};\n",
            "fn" => Function(s.Fn!, depth),
            "block" => $"{pad}{{\n{B(0)}{pad}}}\n",
            _ => throw new InvalidOperationException($"unknown statement {s.Op}"),
        };
    }

    private static string Else(SStmt s, int depth)
    {
        var other = s.Blocks[1];
        if (other.Length == 0) return "";
        // else-if chains (README decision 4) print the inner if on the else line.
        if (other is [{ Op: "if" } inner]) return " else " + Stmt(inner, depth).TrimStart().TrimEnd('\n');
        return $" else {{\n{Block(other, depth + 1)}{Pad(depth)}}}";
    }

    public static string Expr(SExpr x)
    {
        string K(int i) => Expr(x.Kids[i]);
        string Args(IEnumerable<SExpr> kids) => string.Join(", ", kids.Select(Expr));
        return x.Op switch
        {
            "lit" or "var" => x.Text,
            "bin" => $"({K(0)} {x.Text} {K(1)})",
            "un" => $"({x.Text}{K(0)})",
            "call" => $"{x.Text}({Args(x.Kids)})",
            "callv" => $"{Postfix(x.Kids[0])}({Args(x.Kids.Skip(1))})",
            "index" => $"{Postfix(x.Kids[0])}[{K(1)}]",
            "method" => $"{Postfix(x.Kids[0])}.{x.Text}({Args(x.Kids.Skip(1))})",
            "array" => $"[{Args(x.Kids)}]",
            "try" => $"{Postfix(x.Kids[0])}?",
            "match" => $"(match {K(0)} {{ {string.Join(", ", x.Arms!.Select(Arm))} }})",
            _ => throw new InvalidOperationException($"unknown expression {x.Op}"),
        };
    }

    /// <summary>A callee, indexed value, receiver or <c>?</c> operand: a name or call stays bare, anything else is parenthesised.</summary>
    private static string Postfix(SExpr x) => x.Op is "var" or "call" ? Expr(x) : x.Op == "lit" && !x.Text.StartsWith('-') ? Expr(x) : $"({Expr(x)})";

    private static string Arm(SArm a) => a.Pattern + (a.Guard != null ? $" if {Expr(a.Guard)}" : "") + " => " + Expr(a.Body);
}
