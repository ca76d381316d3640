namespace Atlas.Jit.Tests.TierParity.Source;

public sealed partial class SourceGenerator
{
    /// <summary>
    /// A match expression of result type <paramref name="t"/> on a random scrutinee type, with literal, binding,
    /// constructor, array and or-patterns and guards. Statically typed scrutinees get exhaustive arms; a scrutinee of
    /// type <c>?</c> (an unwrap) may miss every arm at run time.
    /// </summary>
    private SExpr Match(SType t, int d)
    {
        var arms = new List<SArm>();
        SExpr scrutinee;
        switch (_r.Next(7))
        {
            case 0:
                scrutinee = Expr(SType.Num, d);
                if (Chance(0.5)) arms.Add(Arm("0", t, d));
                if (Chance(0.5)) arms.Add(Arm("1 | 2", t, d));
                if (Chance(0.5)) arms.Add(Bound(SType.Num, name => name, t, d, guard: true));
                arms.Add(Chance(0.5) ? Arm("_", t, d) : Bound(SType.Num, name => name, t, d, guard: false));
                break;
            case 1:
                scrutinee = Expr(SType.Str, d);
                arms.Add(Arm(Pick(Strings), t, d));
                arms.Add(Arm("_", t, d));
                break;
            case 2:
                scrutinee = Expr(SType.Bool, d);
                arms.Add(Arm("true", t, d));
                arms.Add(Arm("false", t, d));
                break;
            case 3:
                scrutinee = Expr(SType.NumArr, d);
                if (Chance(0.5)) arms.Add(Arm("[]", t, d));
                if (Chance(0.7)) arms.Add(Bound(SType.Num, name => $"[{name}]", t, d, guard: Chance(0.3)));
                if (Chance(0.5)) arms.Add(Bound(SType.Num, name => $"[0, {name}]", t, d, guard: false));
                arms.Add(Arm("_", t, d));
                break;
            case 4:
                scrutinee = Expr(SType.OptNum, d);
                if (Chance(0.3)) arms.Add(Arm("Some(0)", t, d));
                arms.Add(Bound(SType.Num, name => $"Some({name})", t, d, guard: Chance(0.3)));
                if (arms.Last().Guard != null) arms.Add(Arm("Some(_)", t, d));
                arms.Add(Arm("None", t, d));
                break;
            case 5:
                scrutinee = Expr(SType.ResNum, d);
                arms.Add(Bound(SType.Num, name => $"Ok({name})", t, d, guard: false));
                arms.Add(Bound(SType.Str, name => $"Err({name})", t, d, guard: false));
                break;
            default:
                // unwrap(...) has type ?: no exhaustiveness check, so no arm may match at run time.
                scrutinee = Builtin(SType.Num, "unwrap", Expr(SType.OptNum, d));
                arms.Add(Arm("1", t, d));
                arms.Add(Arm(Chance(0.5) ? "2" : "5 | 10", t, d));
                if (Chance(0.3)) arms.Add(Arm("_", t, d));
                break;
        }
        return new SExpr("match", t, [scrutinee], "", arms.ToArray());
    }

    private SArm Arm(string pattern, SType t, int d) => new(pattern, null, Expr(t, d));

    /// <summary>An arm whose pattern binds a fresh name of type <paramref name="bound"/>, visible in its guard and body.</summary>
    private SArm Bound(SType bound, Func<string, string> pattern, SType t, int d, bool guard)
    {
        var name = Fresh("m");
        _scopes.Add([new Variable(name, bound, false)]);
        var g = guard ? Expr(SType.Bool, d) : null;
        var body = Expr(t, d);
        _scopes.RemoveAt(_scopes.Count - 1);
        return new SArm(pattern(name), g, body);
    }
}
