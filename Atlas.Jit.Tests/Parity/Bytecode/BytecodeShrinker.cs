namespace Atlas.Jit.Tests.TierParity.Bytecode;

/// <summary>
/// Shrinks a <see cref="BProgram"/> while keeping it well-formed: whole bodies emptied first, then single statements
/// removed or replaced by their inner blocks, loops shortened, and expressions replaced by the simplest value of their
/// type or by a same-typed child. Every candidate still lowers to validated bytecode.
/// </summary>
public static class BytecodeShrinker
{
    public static IEnumerable<BProgram> Shrink(BProgram p)
    {
        var all = p.Funcs.Append(p.Script).ToArray();
        for (int i = 0; i < all.Length; i++)
            if (all[i].Body.Length > 0 || !IsSimplest(all[i].Result))
                yield return With(p, i, all[i] with { Body = BStmt.Empty, Result = BExpr.Simplest(all[i].Return) });
        for (int i = 0; i < all.Length; i++)
        {
            foreach (var body in ShrinkBlock(all[i].Body)) yield return With(p, i, all[i] with { Body = body });
            foreach (var result in ShrinkExpr(all[i].Result)) yield return With(p, i, all[i] with { Result = result });
        }
    }

    private static BProgram With(BProgram p, int i, BFunc f)
    {
        if (i == p.Funcs.Length) return p with { Script = f };
        var funcs = (BFunc[])p.Funcs.Clone();
        funcs[i] = f;
        return p with { Funcs = funcs };
    }

    private static bool IsSimplest(BExpr x)
    {
        var s = BExpr.Simplest(x.Type);
        return x.Kids.Length == 0 && x.Op == s.Op && x.Num == 0 && x.Text == "";
    }

    private static T[] Replace<T>(T[] items, int i, T item)
    {
        var copy = (T[])items.Clone();
        copy[i] = item;
        return copy;
    }

    private static IEnumerable<BStmt[]> ShrinkBlock(BStmt[] block)
    {
        for (int i = 0; i < block.Length; i++) yield return block.Where((_, j) => j != i).ToArray();
        for (int i = 0; i < block.Length; i++)
            foreach (var inner in block[i].Blocks)
                yield return block.Take(i).Concat(inner).Concat(block.Skip(i + 1)).ToArray();
        for (int i = 0; i < block.Length; i++)
            foreach (var s in ShrinkStmt(block[i])) yield return Replace(block, i, s);
    }

    private static IEnumerable<BStmt> ShrinkStmt(BStmt s)
    {
        if (s.Op == "loop" && s.Num > 1) yield return s with { Num = 1 };
        for (int i = 0; i < s.Exprs.Length; i++)
            foreach (var e in ShrinkExpr(s.Exprs[i])) yield return s with { Exprs = Replace(s.Exprs, i, e) };
        for (int i = 0; i < s.Blocks.Length; i++)
            foreach (var b in ShrinkBlock(s.Blocks[i])) yield return s with { Blocks = Replace(s.Blocks, i, b) };
    }

    private static IEnumerable<BExpr> ShrinkExpr(BExpr x)
    {
        if (!IsSimplest(x)) yield return BExpr.Simplest(x.Type);
        foreach (var k in x.Kids)
            if (k.Type == x.Type || x.Type == BType.Any) yield return k with { Type = x.Type };
        if (x.Op == "accloop" && x.Num > 1) yield return x with { Num = 1 };
        for (int i = 0; i < x.Kids.Length; i++)
            foreach (var k in ShrinkExpr(x.Kids[i])) yield return x with { Kids = Replace(x.Kids, i, k) };
    }
}
