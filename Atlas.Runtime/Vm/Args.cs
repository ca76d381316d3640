namespace Atlas.Vm;

/// <summary>A window of call arguments on the VM's value stack (or in an array), passed to builtins without copying.</summary>
internal readonly struct Args
{
    private readonly Value[] _buffer;
    private readonly int _start;
    public int Count { get; }

    public Args(Value[] buffer, int start, int count)
    {
        _buffer = buffer;
        _start = start;
        Count = count;
    }

    public static Args Of(params Value[] values) => new(values, 0, values.Length);

    public Value this[int i] => _buffer[_start + i];

    public Value[] ToArray() => _buffer.AsSpan(_start, Count).ToArray();
}
