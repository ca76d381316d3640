using Atlas.Diagnostics;

namespace Atlas.Bytecode;

/// <summary>Maps code offsets to source spans: an instruction's span is that of the nearest entry at or before it.</summary>
internal sealed class LineTable
{
    private readonly List<int> _offsets = new();
    private readonly List<TextSpan> _spans = new();

    public int Count => _offsets.Count;
    public IReadOnlyList<int> Offsets => _offsets;
    public IReadOnlyList<TextSpan> Spans => _spans;

    public void Add(int offset, TextSpan span)
    {
        if (_offsets.Count > 0 && _offsets[^1] == offset) { _spans[^1] = span; return; }
        if (_spans.Count > 0 && _spans[^1] == span) return;
        _offsets.Add(offset);
        _spans.Add(span);
    }

    public TextSpan SpanAt(int offset)
    {
        int lo = 0, hi = _offsets.Count - 1, best = -1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >> 1;
            if (_offsets[mid] <= offset) { best = mid; lo = mid + 1; } else hi = mid - 1;
        }
        return best < 0 ? TextSpan.None : _spans[best];
    }
}
