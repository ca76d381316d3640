namespace Atlas.Jit.Tests.TierParity.Source;

/// <summary>A function declaration (top-level or nested): typed parameters, return type and body (which ends in a return).</summary>
public sealed record SFunc(string Name, (string Name, SType Type)[] Params, SType Return, SStmt[] Body);
