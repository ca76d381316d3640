namespace Atlas.Diagnostics;

/// <summary>A range of characters (Unicode scalars are not special-cased: offsets are UTF-16 indices into the source text).</summary>
public readonly record struct TextSpan(int Start, int End)
{
    public int Length => End - Start;
    public static readonly TextSpan None = new(0, 0);
    public static TextSpan Cover(TextSpan a, TextSpan b) => new(Math.Min(a.Start, b.Start), Math.Max(a.End, b.End));
    public override string ToString() => $"[{Start}..{End})";
}
