namespace Atlas.Diagnostics;

/// <summary>A range of characters (Unicode scalars are not special-cased: offsets are UTF-16 indices into the source text).</summary>
/// <param name="Start">Offset of the first character.</param>
/// <param name="End">Offset just past the last character.</param>
public readonly record struct TextSpan(int Start, int End)
{
    /// <summary>Number of characters.</summary>
    public int Length => End - Start;
    /// <summary>The empty span at the start: no position.</summary>
    public static readonly TextSpan None = new(0, 0);
    internal static TextSpan Cover(TextSpan a, TextSpan b) => new(Math.Min(a.Start, b.Start), Math.Max(a.End, b.End));
    /// <summary><c>[Start..End)</c>.</summary>
    public override string ToString() => $"[{Start}..{End})";
}
