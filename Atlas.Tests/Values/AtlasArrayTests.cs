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

    [TestMethod]
    [DataRow(new double[] { 0, 1, 255 }, "bytes")]
    [DataRow(new double[] { 0, 256 }, "ints")]
    [DataRow(new double[] { 1, -1 }, "ints")]
    [DataRow(new double[] { 1, 2.5 }, "doubles")]
    [DataRow(new double[] { 1, -0.0 }, "doubles")]
    [DataRow(new double[] { 1, 3e9 }, "doubles")]
    public void LiteralsTakeTheNarrowestStorageThatHoldsEveryElement(double[] xs, string storage)
    {
        var a = Numbers(xs);
        Assert.AreEqual(storage, a.StorageKind);
        Assert.AreEqual("[" + string.Join(", ", xs.Select(x => ValueFormatter.Display(Value.Number(x)))) + "]", Show(a));
    }

    [TestMethod]
    public void SmallNumberStorageWidensOnceForWhatItCannotHold()
    {
        var a = new AtlasArray();
        for (int i = 0; i < 300; i++) a.Add(Value.Number(i % 256));
        Assert.AreEqual("bytes", a.StorageKind, "an empty array starts with bytes and keeps them for 0..255");
        a.Add(Value.Number(256));
        Assert.AreEqual("ints", a.StorageKind);
        Assert.AreEqual(255, a.Get(255).Num);
        Assert.AreEqual(43, a.Get(299).Num);
        Assert.AreEqual(256, a.Get(300).Num);
        var b = Numbers(1, 2, 3);
        b.Set(0, Value.Number(-1));
        Assert.AreEqual("ints", b.StorageKind, "a negative whole number needs ints");
        var c = Numbers(1, 2, 3);
        c.Set(1, Value.Number(-0.0));
        Assert.AreEqual("doubles", c.StorageKind, "-0 needs doubles");
        Assert.AreEqual("[1, -0, 3]", Show(c));
        var d = Numbers(1, 2, 3);
        d.Set(2, Value.Number(0.5));
        Assert.AreEqual("doubles", d.StorageKind);
        d.Set(2, Value.String("x"));
        Assert.AreEqual("values", d.StorageKind);
        Assert.AreEqual("[1, 2, x]", Show(d));
    }

    [TestMethod]
    public void SmallNumberStorageTakesInPlaceWritesOnlyOfWhatItHolds()
    {
        var a = Numbers(1, 2, 3);
        Assert.IsTrue(a.TryWriteNumber(0, 255L));
        Assert.IsFalse(a.TryWriteNumber(0, 256L), "the slow path widens");
        Assert.IsFalse(a.TryWriteNumber(0, -1L));
        Assert.IsTrue(a.TryWriteNumber(1.0, 7.0), "the interpreter's store");
        Assert.IsFalse(a.TryWriteNumber(1L, 7.0), "compiled code's store of a double goes to the slow path");
        Assert.IsFalse(a.TryWriteNumber(1.0, 7.5));
        Assert.IsFalse(a.TryWriteNumber(1.0, -0.0));
        Assert.AreEqual("bytes", a.StorageKind, "a refused write changes nothing");
        Assert.AreEqual("[255, 7, 3]", Show(a));
        Assert.AreEqual(7, a.ReadNumberOrNaN(1));
        Assert.IsTrue(double.IsNaN(a.ReadNumberOrNaN(3)));
        Assert.IsTrue(a.TryReadNumber(2L, out double x) && x == 3);
    }

    [TestMethod]
    public void SmallNumberStoragePushesInsertsRemovesAndClones()
    {
        var a = Numbers(1, 2);
        for (int i = 0; i < 10; i++) Assert.IsTrue(a.TryPushNumber(i));
        Assert.AreEqual("bytes", a.StorageKind);
        Assert.IsTrue(a.TryPushNumber(1000), "a larger number widens through Add");
        Assert.AreEqual("ints", a.StorageKind);
        var b = Numbers(5, 6, 7);
        b.Insert(1, Value.Number(9));
        Assert.AreEqual(6, b.RemoveAt(2).Num);
        Assert.AreEqual("bytes", b.StorageKind);
        var c = b.Clone(extraCapacity: 4);
        c.Set(0, Value.Number(0));
        Assert.AreEqual("bytes", c.StorageKind);
        Assert.AreEqual("[5, 9, 7] [0, 9, 7]", $"{Show(b)} {Show(c)}");
        b.Insert(0, Value.Number(4096));
        Assert.AreEqual("ints", b.StorageKind);
        Assert.AreEqual("[4096, 5, 9, 7]", Show(b));
        b.Insert(0, Value.Number(0.25));
        Assert.AreEqual("[0.25, 4096, 5, 9, 7]", Show(b));
    }
}
