using Atlas.Jit.Codegen;

namespace Atlas.Jit.Tests.Codegen;

/// <summary>The array-backed operand stack of inference behaves like the list it replaced, for the operations it offers.</summary>
[TestClass]
public sealed class SlotStackTests
{
    private static SlotInfo Slot(int source) => new(Repr.Double, source);

    [TestMethod]
    public void PushesPastTheInitialRoomPopsAndCopiesWithoutTouchingTheInput()
    {
        SlotInfo[] input = [Slot(1), Slot(2)];
        var s = new SlotStack(input);
        for (int i = 3; i <= 20; i++) s.Add(Slot(i));
        Assert.AreEqual(20, s.Count);
        Assert.AreEqual(Slot(20), s[^1]);
        s.RemoveAt(s.Count - 1);
        s.RemoveRange(s.Count - 3, 3);
        s[0] = s[0] with { Repr = Repr.Long };
        CollectionAssert.AreEqual(new[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16 },
            s.ToArray().Select(x => x.Source).ToArray());
        Assert.AreEqual(Repr.Long, s.ToArray()[0].Repr);
        Assert.AreEqual(Repr.Double, input[0].Repr, "the input array is copied, not changed");
    }

    [TestMethod]
    public void ReadsBeyondTheTopAndRemovalsBelowItAreRefused()
    {
        var s = new SlotStack([Slot(1), Slot(2), Slot(3)]);
        s.RemoveAt(2);
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => _ = s[2], "a popped slot is gone");
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => s[2] = Slot(9));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => _ = s[-1]);
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => s.RemoveAt(0), "only the top slot can be removed");
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => s.RemoveRange(0, 1));
        Assert.AreEqual(2, s.Count);
    }
}
