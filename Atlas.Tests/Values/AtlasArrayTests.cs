using Atlas.Vm;

namespace Atlas.Tests.Values;

/// <summary>
/// Arrays keep all-number contents unboxed and switch to values for good when anything else arrives; either way the
/// elements, copies and growth behave the same.
/// </summary>
[TestClass]
public sealed class AtlasArrayTests
{
    private static AtlasArray Numbers(params double[] xs) =>
        AtlasArray.Of(xs.Select(Value.Number).ToArray(), xs.Length);

    // Printing reads elements one by one, so it leaves the storage as it is.
    private static string Show(AtlasArray a) => ValueFormatter.Display(Value.Array(a));

    [TestMethod]
    public void AllNumberLiteralsAreUnboxed()
    {
        var a = Numbers(1, 2.5, -0.0);
        Assert.AreEqual("[1, 2.5, -0]", Show(a));
        Assert.IsNotNull(a.Numbers);
        Assert.IsTrue(ValueEquality.AreEqual(Value.Array(a), Value.Array(Numbers(1, 2.5, 0))), "-0 == 0");
        Assert.IsNotNull(a.Numbers, "printing and comparing read elements without boxing the storage");
    }

    [TestMethod]
    public void MixedLiteralsAreValues()
    {
        var a = AtlasArray.Of([Value.Number(1), Value.String("x")], 2);
        Assert.IsNull(a.Numbers);
        Assert.AreEqual("[1, x]", Show(a));
    }

    [TestMethod]
    public void StoringANonNumberSwitchesToValuesAndKeepsTheElements()
    {
        var a = Numbers(1, 2, 3);
        a.Set(1, Value.Bool(true));
        Assert.IsNull(a.Numbers);
        Assert.AreEqual("[1, true, 3]", Show(a));
        a.Set(1, Value.Number(7));
        Assert.IsNull(a.Numbers, "the switch is one-way");
        Assert.AreEqual(7, a.Get(1).Num);
    }

    [TestMethod]
    public void PushingGrowsBothKinds()
    {
        var a = new AtlasArray();
        for (int i = 0; i < 100; i++) a.Add(Value.Number(i));
        Assert.IsNotNull(a.Numbers);
        Assert.AreEqual(100, a.Count);
        a.Add(Value.String("end"));
        for (int i = 0; i < 50; i++) a.Add(Value.Number(i));
        Assert.IsNull(a.Numbers);
        Assert.AreEqual(151, a.Count);
        Assert.AreEqual(99, a.Get(99).Num);
        Assert.AreEqual("end", a.Get(100).AsString);
        Assert.AreEqual(49, a.Get(150).Num);
    }

    [TestMethod]
    public void InsertAndRemoveWorkUnboxed()
    {
        var a = Numbers(1, 2, 3);
        a.Insert(0, Value.Number(0));
        a.Insert(4, Value.Number(4));
        Assert.AreEqual(1, a.RemoveAt(1).Num);
        Assert.IsNotNull(a.Numbers);
        Assert.AreEqual("[0, 2, 3, 4]", Show(a));
        a.Insert(2, Value.Null);
        Assert.IsNull(a.Numbers);
        Assert.AreEqual("[0, 2, null, 3, 4]", Show(a));
        Assert.AreEqual(ValueKind.Null, a.RemoveAt(2).Kind);
        Assert.AreEqual("[0, 2, 3, 4]", Show(a));
    }

    [TestMethod]
    public void ClonesAreIndependent()
    {
        var a = Numbers(1, 2);
        var b = a.Clone(extraCapacity: 10);
        b.Set(0, Value.Number(9));
        b.Add(Value.Number(3));
        Assert.IsNotNull(b.Numbers);
        Assert.AreEqual("[1, 2]", Show(a));
        Assert.AreEqual("[9, 2, 3]", Show(b));
    }

    [TestMethod]
    public void ReadingItemsBoxesOnceAndWritesThroughIt()
    {
        var a = Numbers(1, 2);
        var items = a.Items;
        Assert.IsNull(a.Numbers);
        Assert.AreSame(items, a.Items);
        a.Set(1, Value.Number(5));
        Assert.AreEqual(5, items[1].Num);
    }

    [TestMethod]
    public void CopiesOfUnboxedArraysStillObeyTheSizeLimit()
    {
        var a = Numbers(1);
        // Pretend the array is past the cap: the copy must refuse before allocating anything.
        a.Count = SizeLimits.MaxArrayLength + 1;
        var e = Assert.ThrowsExactly<AtlasRuntimeException>(() => a.Clone());
        Assert.AreEqual(RuntimeErrorKind.MemoryLimit, e.Kind);
    }
}
