using Atlas.Diagnostics;
using Atlas.Syntax;

namespace Atlas.Semantics;

/// <summary>
/// Match expressions (language.md §8.6): pattern checks AT3022–AT3026, guards AT3029, arm widening, exhaustiveness AT3027.
/// </summary>
internal sealed partial class TypeChecker
{
    private AtlasType CheckMatch(MatchExpr match)
    {
        var scrutinee = CheckExpr(match.Scrutinee);
        if (scrutinee.IsUnknown)
        {
            // A `?` scrutinee skips the arms entirely (their errors surface at run time); names are still bound and,
            // by README decision 13, reads there still count.
            foreach (var arm in match.Arms) SkipArm(arm);
            return AtlasType.Unknown;
        }
        AtlasType? result = null;
        foreach (var arm in match.Arms)
        {
            CheckPattern(arm.Pattern, scrutinee);
            if (arm.Guard is not null)
            {
                var g = CheckExpr(arm.Guard);
                if (!TypeRules.IsAssignable(g, AtlasType.Bool)) Report(DiagnosticId.GuardNotBool, arm.Guard.Span, g.Display);
            }
            var body = CheckExpr(arm.Body);
            result = result is null ? body : TypeRules.Widen(result, body);
        }
        CheckExhaustive(match, scrutinee);
        return result ?? AtlasType.Unknown;
    }

    private void CheckPattern(Pattern pattern, AtlasType expected)
    {
        switch (pattern)
        {
            case LiteralPattern l:
            {
                var t = CheckExpr(l.Literal);
                if (!TypeRules.IsAssignable(t, expected))
                    Report(DiagnosticId.PatternTypeMismatch, pattern.Span, expected.Display, t.Display);
                break;
            }
            case BindingPattern b:
                if (b.Symbol is not null) b.Symbol.Type = expected;
                break;
            case ConstructorPattern c: CheckConstructorPattern(c, expected); break;
            case ArrayPattern a:
            {
                AtlasType element = AtlasType.Unknown;
                if (expected is ArrayType array) element = array.Element;
                else if (!expected.IsUnknown) Report(DiagnosticId.ArrayPatternOnNonArray, pattern.Span, expected.Display);
                foreach (var p in a.Elements) CheckPattern(p, element);
                break;
            }
            case OrPattern o:
                foreach (var p in o.Alternatives) CheckPattern(p, expected);
                break;
            default: break; // wildcard
        }
    }

    private void CheckConstructorPattern(ConstructorPattern c, AtlasType expected)
    {
        AtlasType[]? payload = null; // the constructor's argument types when it is valid for the scrutinee
        if (expected.IsUnknown)
            payload = null;
        else if (TypeRules.IsGeneric(expected, "Option", 1))
        {
            var option = (GenericType)expected;
            payload = c.Name switch { "Some" => [option.Args[0]], "None" => [], _ => null };
            if (payload is null) Report(DiagnosticId.UnknownConstructor, c.Span, "Option", c.Name);
        }
        else if (TypeRules.IsGeneric(expected, "Result", 2))
        {
            var result = (GenericType)expected;
            payload = c.Name switch { "Ok" => [result.Args[0]], "Err" => [result.Args[1]], _ => null };
            if (payload is null) Report(DiagnosticId.UnknownConstructor, c.Span, "Result", c.Name);
        }
        else
            Report(DiagnosticId.ConstructorPatternUnsupported, c.Span, expected.Display);

        if (payload is not null && payload.Length != c.Args.Count)
        {
            Report(DiagnosticId.ConstructorArity, c.Span, c.Name, payload.Length, payload.Length == 1 ? "" : "s", c.Args.Count);
            payload = null; // like the reference, the arguments of a wrong-arity pattern are not checked
        }
        for (var i = 0; i < c.Args.Count; i++)
            CheckPattern(c.Args[i], payload is not null ? payload[i] : AtlasType.Unknown);
    }

    private void CheckExhaustive(MatchExpr match, AtlasType scrutinee)
    {
        var coverage = new MatchCoverage();
        foreach (var arm in match.Arms)
            if (arm.Guard is null) coverage.Add(arm.Pattern);
        if (coverage.CatchAll) return;

        string? message = null;
        if (TypeRules.IsGeneric(scrutinee, "Option", 1))
            message = Missing("Option", (!coverage.Some, "Some(_)"), (!coverage.None, "None"));
        else if (TypeRules.IsGeneric(scrutinee, "Result", 2))
            message = Missing("Result", (!coverage.Ok, "Ok(_)"), (!coverage.Err, "Err(_)"));
        else if (ReferenceEquals(scrutinee, AtlasType.Bool))
            message = Missing("bool", (!coverage.True, "true"), (!coverage.False, "false"));
        else if (scrutinee is ArrayType || ReferenceEquals(scrutinee, AtlasType.Number)
                 || ReferenceEquals(scrutinee, AtlasType.String) || ReferenceEquals(scrutinee, AtlasType.Null))
            message = $"Non-exhaustive match on {scrutinee}: patterns must cover all possible values";
        if (message is not null) Report(DiagnosticId.NonExhaustiveMatch, match.Span, message);
    }

    private static string? Missing(string typeName, params (bool Missing, string Case)[] cases)
    {
        var missing = new List<string>();
        foreach (var c in cases)
            if (c.Missing) missing.Add(c.Case);
        return missing.Count == 0 ? null : $"Non-exhaustive match on {typeName}: missing {string.Join(", ", missing)}";
    }
}
