namespace Atlas.Bytecode;

/// <summary>A jump target under construction: its offset once placed, and the operand positions waiting for it.</summary>
internal sealed class Label
{
    public int Offset = -1;
    public readonly List<int> Fixups = new();
}
