using System.Globalization;
using System.Text;
using Atlas.Bytecode;

namespace Atlas.Jit.Tests.TierParity.Bytecode;

/// <summary>Renders a random-bytecode model as pseudo-code plus the disassembly it lowers to, for failure reports.</summary>
public static class BytecodePrinter
{
    public static string Program(BProgram p)
    {
        var sb = new StringBuilder();
        sb.Append("globals: ").AppendLine(string.Join(", ", p.Globals.Select((t, i) => $"g{i}:{t}{(i < p.DefinedGlobals ? "" : " (unset)")}")));
        foreach (var f in p.Funcs.Append(p.Script)) Function(sb, f);
        sb.AppendLine("--- disassembly ---");
        try
        {
            sb.Append(Disassembler.Disassemble(BytecodeLowering.Build(p)));
        }
        catch (InvalidOperationException e)
        {
            sb.AppendLine(e.Message);
        }
        return sb.ToString();
    }

    private static void Function(StringBuilder sb, BFunc f)
    {
        sb.Append("fn ").Append(f.Name).Append('(')
          .Append(string.Join(", ", f.Locals.Take(f.Arity).Select((t, i) => $"p{i}:{t}"))).Append(") -> ").Append(f.Return);
        if (f.IsClosure) sb.Append(" captures [").Append(string.Join(", ", f.Upvalues.Select((t, i) => $"u{i}:{t}"))).Append(']');
        if (f.Recursive) sb.Append(f.Deep ? " deep recursion on p0" : " recursive on p0");
        sb.Append(" locals [").Append(string.Join(", ", f.Locals.Select((t, i) => $"{i}:{t}").Skip(f.Arity))).AppendLine("] {");
        foreach (var s in f.Body) sb.Append(Stmt(s, 1));
        sb.Append("    => ").AppendLine(Expr(f.Result)).AppendLine("}");
    }

    public static string Stmt(BStmt s, int depth)
    {
        var pad = new string(' ', depth * 4);
        string Body(BStmt[] block) => string.Concat(block.Select(b => Stmt(b, depth + 1)));
        return s.Op switch
        {
            "if" => $"{pad}if {Expr(s.Exprs[0])} {{\n{Body(s.Blocks[0])}{pad}}}" +
                    (s.Blocks[1].Length > 0 ? $" else {{\n{Body(s.Blocks[1])}{pad}}}\n" : "\n"),
            "loop" => $"{pad}{s.Text} l{s.Index} < {N(s.Num)} {{\n{Body(s.Blocks[0])}{pad}}}\n",
            "forin" => $"{pad}for l{s.Index + 3} in {Expr(s.Exprs[0])} (slots {s.Index}..{s.Index + 3}) {{\n{Body(s.Blocks[0])}{pad}}}\n",
            "set" => $"{pad}l{s.Index} = {Expr(s.Exprs[0])}\n",
            "setg" => $"{pad}g{s.Index} = {Expr(s.Exprs[0])}\n",
            "setu" => $"{pad}u{s.Index} = {Expr(s.Exprs[0])}\n",
            "setidx" => $"{pad}l{s.Index}[{Expr(s.Exprs[0])}] = {Expr(s.Exprs[1])}\n",
            "push" => $"{pad}l{s.Index}.push({Expr(s.Exprs[0])})\n",
            "break" or "continue" => $"{pad}{s.Op}\n",
            _ => $"{pad}{s.Op} {Expr(s.Exprs[0])}\n",
        };
    }

    public static string Expr(BExpr x)
    {
        string K(int i) => Expr(x.Kids[i]);
        string All(IEnumerable<BExpr> kids) => string.Join(", ", kids.Select(Expr));
        return x.Op switch
        {
            "num" => N(x.Num),
            "str" => "\"" + x.Text + "\"",
            "true" or "false" or "null" or "none" => x.Op,
            "local" or "borrow" => (x.Op == "borrow" ? "&" : "") + "l" + x.Index,
            "global" or "gborrow" => (x.Op == "gborrow" ? "&" : "") + "g" + x.Index,
            "upval" or "uborrow" => (x.Op == "uborrow" ? "&" : "") + "u" + x.Index,
            "add" or "concat" => $"({K(0)} + {K(1)})",
            "sub" => $"({K(0)} - {K(1)})",
            "mul" => $"({K(0)} * {K(1)})",
            "div" => $"({K(0)} / {K(1)})",
            "mod" => $"({K(0)} % {K(1)})",
            "lt" => $"({K(0)} < {K(1)})",
            "le" => $"({K(0)} <= {K(1)})",
            "gt" => $"({K(0)} > {K(1)})",
            "ge" => $"({K(0)} >= {K(1)})",
            "eq" => $"({K(0)} == {K(1)})",
            "ne" => $"({K(0)} != {K(1)})",
            "and" => $"({K(0)} && {K(1)})",
            "or" => $"({K(0)} || {K(1)})",
            "neg" => $"-{K(0)}",
            "not" => $"!{K(0)}",
            "cond" => $"({K(0)} ? {K(1)} : {K(2)})",
            "array" => $"[{All(x.Kids)}]",
            "index" => $"{K(0)}[{K(1)}]",
            "len" => $"lenOf({K(0)})",
            "dupadd" => $"dup2({K(0)})",
            "callg" or "callk" => $"f{x.Index}({All(x.Kids)}){(x.Op == "callk" ? "/k" : "")}",
            "callc" => $"closure f{x.Index}[{All(x.Kids.Take(x.Kids.Length - ArityHint(x)))}]({All(x.Kids.Skip(x.Kids.Length - ArityHint(x)))})",
            "rcall" => $"(p0 > 0 ? self(p0 - 1, {All(x.Kids.Skip(1))}) : {K(0)})",
            "builtin" => $"{x.Text}({All(x.Kids)})",
            "method" => $"{K(0)}.{x.Text}({All(x.Kids.Skip(1))})",
            "accloop" => $"accumulate({K(0)}; l{x.Index} < {N(x.Num)}; + {K(1)})",
            "optor" => $"({K(0)} ?? {K(1)})",
            "optret" => $"{K(0)}?",
            "seq" => $"({K(0)}; {K(1)})",
            "checknum" => $"checkNumber{x.Index}({K(0)})",
            "isarr" => $"isArray({K(0)})",
            _ => $"{x.Op}?({All(x.Kids)})",
        };
    }

    /// <summary>Arguments of a closure call are stored after its captures; the split is recorded in <see cref="BExpr.Num"/>.</summary>
    private static int ArityHint(BExpr x) => (int)x.Num;

    private static string N(double d) => d.ToString("R", CultureInfo.InvariantCulture);
}
