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
        Assert.IsTrue(a.IsUnboxed);
        Assert.IsTrue(ValueEquality.AreEqual(Value.Array(a), Value.Array(Numbers(1, 2.5, 0))), "-0 == 0");
        Assert.IsTrue(a.IsUnboxed, "printing and comparing read elements without boxing the storage");
    }

    [TestMethod]
    public void MixedLiteralsAreValues()
    {
        var a = AtlasArray.Of([Value.Number(1), Value.String("x")], 2);
        Assert.IsFalse(a.IsUnboxed);
        Assert.AreEqual("[1, x]", Show(a));
    }

    [TestMethod]
    public void StoringANonNumberSwitchesToValuesAndKeepsTheElements()
    {
        var a = Numbers(1, 2, 3);
        a.Set(1, Value.Bool(true));
        Assert.IsFalse(a.IsUnboxed);
        Assert.AreEqual("[1, true, 3]", Show(a));
        a.Set(1, Value.Number(7));
        Assert.IsFalse(a.IsUnboxed, "the switch is one-way");
        Assert.AreEqual(7, a.Get(1).Num);
    }

    [TestMethod]
    public void AWholeNumberIsStoredInPlaceInEveryUnsharedStorage()
    {
        var ints = Numbers(1, 2, 3);
        Assert.IsTrue(ints.TryWriteNumber(1, 7L));
        var doubles = Numbers(1.5, 2, 3);
        Assert.IsTrue(doubles.TryWriteNumber(2, 8L));
        var boxed = AtlasArray.Of([Value.Number(1), Value.String("x")], 2);
        Assert.IsTrue(boxed.TryWriteNumber(1, 9L), "boxed storage takes a number as Set stores it");
        Assert.AreEqual("[1, 7, 3] [1.5, 2, 8] [1, 9]", $"{Show(ints)} {Show(doubles)} {Show(boxed)}");
        Assert.IsFalse(ints.TryWriteNumber(3, 1L), "past the end: the caller's slow path raises the error");
        Assert.IsFalse(ints.TryWriteNumber(0, 1L << 40), "too large for whole-number storage: the slow path widens it");
        ints.Shared = true;
        Assert.IsFalse(ints.TryWriteNumber(0, 1L), "shared: the slow path copies");
        Assert.AreEqual("[1, 7, 3]", Show(ints));
    }

    [TestMethod]
    public void PushingANumberInPlaceKeepsEachStorageAndCopiesNothing()
    {
        var a = Numbers(1, 2);
        for (int i = 0; i < 10; i++) Assert.IsTrue(a.TryPushNumber(i), "grows past its capacity");
        Assert.IsTrue(a.TryPushNumber(-0.0));
        Assert.IsTrue(a.TryPushNumber(2.5), "a fraction widens whole-number storage");
        Assert.IsTrue(a.IsUnboxed);
        Assert.AreEqual("[1, 2, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, -0, 2.5]", Show(a));
        a.Shared = true;
        Assert.IsFalse(a.TryPushNumber(1), "shared: the method copies");
        Assert.AreEqual(14, a.Count);
    }

    [TestMethod]
    public void PushingGrowsBothKinds()
    {
        var a = new AtlasArray();
        for (int i = 0; i < 100; i++) a.Add(Value.Number(i));
        Assert.IsTrue(a.IsUnboxed);
        Assert.AreEqual(100, a.Count);
        a.Add(Value.String("end"));
        for (int i = 0; i < 50; i++) a.Add(Value.Number(i));
        Assert.IsFalse(a.IsUnboxed);
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
        Assert.IsTrue(a.IsUnboxed);
        Assert.AreEqual("[0, 2, 3, 4]", Show(a));
        a.Insert(2, Value.Null);
        Assert.IsFalse(a.IsUnboxed);
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
        Assert.IsTrue(b.IsUnboxed);
        Assert.AreEqual("[1, 2]", Show(a));
        Assert.AreEqual("[9, 2, 3]", Show(b));
    }

    [TestMethod]
    public void ReadingItemsBoxesOnceAndWritesThroughIt()
    {
        var a = Numbers(1, 2);
        var items = a.Items;
        Assert.IsFalse(a.IsUnboxed);
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

    [TestMethod]
    public void WholeNumbersUseIntStorageAndAnythingElseWidensIt()
    {
        var a = Numbers(0, 1, -5, int.MaxValue, int.MinValue);
        Assert.IsTrue(a.HoldsWholeNumbers);
        foreach (var wide in new[] { -0.0, 0.5, 2147483648.0, -2147483649.0, 1e300 })
        {
            var b = Numbers(3, 4);
            b.Set(1, Value.Number(wide));
            Assert.IsFalse(b.HoldsWholeNumbers, $"{wide} does not fit an int");
            Assert.IsTrue(b.IsUnboxed);
            Assert.AreEqual(BitConverter.DoubleToInt64Bits(wide), BitConverter.DoubleToInt64Bits(b.Get(1).Num), "stored exactly");
            Assert.AreEqual(3, b.Get(0).Num, "the earlier elements survive the widening");
        }
        Assert.AreEqual("[0, -0]", Show(Numbers(0, -0.0)), "-0 keeps its sign");
    }

    [TestMethod]
    public void IntStorageGrowsCopiesInsertsAndRemoves()
    {
        var a = new AtlasArray();
        for (int i = 0; i < 1000; i++) a.Add(Value.Number(i % 2));
        Assert.IsTrue(a.HoldsWholeNumbers);
        var copy = a.Clone();
        Assert.IsTrue(copy.HoldsWholeNumbers);
        a.Insert(0, Value.Number(7));
        Assert.AreEqual(0, a.RemoveAt(1).Num);
        Assert.IsTrue(a.HoldsWholeNumbers);
        a.Add(Value.Number(2.5));
        Assert.IsFalse(a.HoldsWholeNumbers);
        Assert.AreEqual(1001, a.Count);
        Assert.AreEqual(7, a.Get(0).Num);
        Assert.AreEqual(2.5, a.Get(1000).Num);
        Assert.AreEqual(0, copy.Get(0).Num, "the copy is independent");
    }

    [TestMethod]
    public void TheCompiledFastPathsDeclineWhatTheyCannotStoreInPlace()
    {
        var a = Numbers(1, 2, 3);
        Assert.IsTrue(a.TryWriteNumber(1, 9));
        Assert.IsFalse(a.TryWriteNumber(1, 0.5), "not whole: the full write widens the storage");
        Assert.IsFalse(a.TryWriteNumber(3, 1), "out of range");
        Assert.IsFalse(a.TryWriteNumber(1.5, 1), "not a whole index");
        Assert.IsTrue(a.TryReadNumber(-0.0, out double first), "-0 indexes element 0");
        Assert.AreEqual(1, first);
        Assert.IsFalse(a.TryReadNumber(double.NaN, out _));
        a.Shared = true;
        Assert.IsFalse(a.TryWriteNumber(0, 5), "a shared array is copied by the full write");
        Assert.AreEqual("[1, 9, 3]", Show(a));
    }

    [TestMethod]
    public void TheLeavingReadGivesNumbersFromEveryStorageAndNaNForTheRest()
    {
        var ints = Numbers(1, 2, 3);
        Assert.AreEqual(2, ints.ReadNumberOrNaN(1));
        Assert.IsTrue(double.IsNaN(ints.ReadNumberOrNaN(3)), "out of range");
        Assert.IsTrue(double.IsNaN(ints.ReadNumberOrNaN(-1)), "below the range");
        var doubles = Numbers(0.5, 1.5);
        Assert.AreEqual(1.5, doubles.ReadNumberOrNaN(1));
        var boxed = new AtlasArray([Value.Number(4), Value.String("s")], 2);
        Assert.AreEqual(4, boxed.ReadNumberOrNaN(0), "a number in boxed storage");
        Assert.IsTrue(double.IsNaN(boxed.ReadNumberOrNaN(1)), "not a number");
    }

    [TestMethod]
    [DataRow("map(a, twice)")]
    [DataRow("filter(a, big)")]
    [DataRow("reduce(a, add, 0)")]
    [DataRow("find(a, big)")]
    [DataRow("sortBy(a, twice)")]
    [DataRow("some(a, big)")]
    public void ABuiltinThatWalksANumberArrayLeavesItUnboxed(string call)
    {
        // Reading through Items would box the caller's storage for good, and every later read of it would be slower.
        var engine = new Atlas.Hosting.AtlasEngine(new Atlas.Hosting.AtlasOptions { Output = TextWriter.Null });
        engine.Evaluate("""
            fn twice(x: number) -> number { return x * 2; }
            fn big(x: number) -> bool { return x > 1; }
            fn add(s: number, x: number) -> number { return s + x; }
            var a = [1, 2, 3];
            """);
        engine.Evaluate("let r = " + call + ";");
        var a = engine.EvaluateValue("a").AsArray;
        Assert.IsTrue(a.IsUnboxed, call);
        Assert.IsTrue(a.HoldsWholeNumbers, call);
    }
}
