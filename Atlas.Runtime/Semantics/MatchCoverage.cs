using Atlas.Syntax;

namespace Atlas.Semantics;

/// <summary>Which cases the unguarded arms of a match cover, for the exhaustiveness check (§8.6, AT3027).</summary>
internal sealed class MatchCoverage
{
    public bool CatchAll { get; private set; }
    public bool Some { get; private set; }
    public bool None { get; private set; }
    public bool Ok { get; private set; }
    public bool Err { get; private set; }
    public bool True { get; private set; }
    public bool False { get; private set; }

    /// <summary>
    /// Records an arm's pattern. An or-pattern counts for every alternative; a constructor counts whatever its
    /// argument patterns are (`Some(1)` covers Some).
    /// </summary>
    public void Add(Pattern pattern)
    {
        switch (pattern)
        {
            case WildcardPattern or BindingPattern: CatchAll = true; break;
            case OrPattern o:
                foreach (var alternative in o.Alternatives) Add(alternative);
                break;
            case ConstructorPattern c:
                switch (c.Name)
                {
                    case "Some": Some = true; break;
                    case "None": None = true; break;
                    case "Ok": Ok = true; break;
                    case "Err": Err = true; break;
                }
                break;
            case LiteralPattern { Literal: BoolLiteral b }:
                if (b.Value) True = true;
                else False = true;
                break;
        }
    }
}
