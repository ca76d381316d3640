namespace Atlas.Jit.Tests.TierParity.Source;

/// <summary>
/// Shrinks a random program: statements removed (whole top-level groups first) or replaced by their inner blocks,
/// expressions replaced by the simplest value of their type, a same-typed child or a match arm's body. A candidate
/// that no longer compiles (say, a removed declaration that is still used) is not a counterexample.
/// </summary>
public static class SourceShrinker
{
    public static IEnumerable<SProgram> Shrink(SProgram p)
    {
        if (p.Top.Length > 1) yield return p with { Top = p.Top.Take(p.Top.Length / 2).ToArray() };
        for (int i = 0; i < p.Funcs.Length; i++)
            if (p.Funcs[i].Body.Length > 1)
                yield return p with { Funcs = Replace(p.Funcs, i, p.Funcs[i] with { Body = [p.Funcs[i].Body[^1]] }) };
        foreach (var top in ShrinkBlock(p.Top)) yield return p with { Top = top };
        foreach (var globals in ShrinkBlock(p.Globals)) yield return p with { Globals = globals };
        for (int i = 0; i < p.Funcs.Length; i++)
            foreach (var f in ShrinkFunction(p.Funcs[i])) yield return p with { Funcs = Replace(p.Funcs, i, f) };
    }

    private static IEnumerable<SFunc> ShrinkFunction(SFunc f)
    {
        foreach (var body in ShrinkBlock(f.Body)) yield return f with { Body = body };
    }

    private static T[] Replace<T>(T[] items, int i, T item)
    {
        var copy = (T[])items.Clone();
        copy[i] = item;
        return copy;
    }

    private static IEnumerable<SStmt[]> ShrinkBlock(SStmt[] block)
    {
        for (int i = 0; i < block.Length; i++) yield return block.Where((_, j) => j != i).ToArray();
        for (int i = 0; i < block.Length; i++)
            foreach (var inner in block[i].Blocks.Append(block[i].Fn?.Body ?? []))
                if (inner.Length > 0) yield return block.Take(i).Concat(inner).Concat(block.Skip(i + 1)).ToArray();
        for (int i = 0; i < block.Length; i++)
            foreach (var s in ShrinkStmt(block[i])) yield return Replace(block, i, s);
    }

    private static IEnumerable<SStmt> ShrinkStmt(SStmt s)
    {
        if (s.Op is "for" or "while" && s.Extra != "1" && s.Extra != "0") yield return s with { Extra = "1" };
        for (int i = 0; i < s.Exprs.Length; i++)
            foreach (var e in ShrinkExpr(s.Exprs[i])) yield return s with { Exprs = Replace(s.Exprs, i, e) };
        for (int i = 0; i < s.Blocks.Length; i++)
            foreach (var b in ShrinkBlock(s.Blocks[i])) yield return s with { Blocks = Replace(s.Blocks, i, b) };
        if (s.Fn != null)
            foreach (var f in ShrinkFunction(s.Fn)) yield return s with { Fn = f };
    }

    private static IEnumerable<SExpr> ShrinkExpr(SExpr x)
    {
        if (x.Type == SType.Fn) yield break;
        var simplest = SExpr.Simplest(x.Type);
        if (x.Op != "lit" || x.Text != simplest.Text) yield return simplest;
        foreach (var k in x.Kids)
            if (k.Type == x.Type) yield return k;
        foreach (var arm in x.Arms ?? []) yield return arm.Body;
        for (int i = 0; i < x.Kids.Length; i++)
            foreach (var k in ShrinkExpr(x.Kids[i])) yield return x with { Kids = Replace(x.Kids, i, k) };
        for (int i = 0; i < (x.Arms?.Length ?? 0); i++)
            foreach (var b in ShrinkExpr(x.Arms![i].Body)) yield return x with { Arms = Replace(x.Arms, i, x.Arms[i] with { Body = b }) };
    }
}
