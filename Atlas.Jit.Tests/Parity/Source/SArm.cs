namespace Atlas.Jit.Tests.TierParity.Source;

/// <summary>One arm of a match expression: a pattern (source text), an optional guard and the body.</summary>
public sealed record SArm(string Pattern, SExpr? Guard, SExpr Body);
