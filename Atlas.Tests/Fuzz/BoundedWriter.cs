using System.Text;

namespace Atlas.Tests.Fuzz;

/// <summary>A writer that keeps the first <see cref="Capacity"/> characters and counts (but drops) the rest, so a printing loop cannot exhaust memory.</summary>
public sealed class BoundedWriter(int capacity) : TextWriter
{
    private readonly StringBuilder _kept = new();

    public int Capacity { get; } = capacity;
    /// <summary>Characters written in total, including the dropped ones.</summary>
    public long Written { get; private set; }

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        Written++;
        if (_kept.Length < Capacity) _kept.Append(value);
    }

    public override void Write(string? value)
    {
        if (value is null) return;
        Written += value.Length;
        int room = Capacity - _kept.Length;
        if (room > 0) _kept.Append(value, 0, Math.Min(room, value.Length));
    }

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override string ToString() => _kept.ToString();
}
