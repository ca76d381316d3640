using Atlas.Bytecode;
using Atlas.Jit.Tiering;
using Atlas.Vm;

namespace Atlas.Jit.Tests.Tiering;

/// <summary>
/// A function's loop entries tell three states apart (an entry, a refusal, nothing known yet), and a reader holding the
/// table while it changes sees either the old or the new state, never a torn one.
/// </summary>
[TestClass]
public sealed class LoopEntryTableTests
{
    private static readonly CompiledCode Entry = (_, _, _) => Value.Null;

    [TestMethod]
    public void AnEntryARefusalAndAnUnknownHeaderAreThreeDifferentAnswers()
    {
        var table = new LoopEntryTable(codeLength: 10);
        Assert.IsFalse(table.TryGetValue(4, out _), "nothing known yet");
        table[4] = Entry;
        table[7] = null;
        Assert.IsTrue(table.TryGetValue(4, out var entry));
        Assert.AreSame(Entry, entry);
        Assert.IsTrue(table.TryGetValue(7, out var refused), "a refusal is known");
        Assert.IsNull(refused);
        Assert.IsTrue(table.ContainsKey(7));
        Assert.IsFalse(table.ContainsKey(5));
        Assert.IsFalse(table.TryGetValue(-1, out _), "an offset outside the code is simply unknown");
        Assert.IsFalse(table.TryGetValue(10, out _));
    }

    [TestMethod]
    public void ClearForgetsEntriesAndRefusals()
    {
        var table = new LoopEntryTable(codeLength: 10);
        table[4] = Entry;
        table[7] = null;
        table.Clear();
        Assert.IsFalse(table.ContainsKey(4));
        Assert.IsFalse(table.ContainsKey(7));
        table[4] = Entry;
        Assert.IsTrue(table.ContainsKey(4), "usable again after clearing");
    }

    [TestMethod]
    public void AReaderRacingTheWriterSeesEveryEntryOnceWrittenAndNeverLosesOne()
    {
        const int Headers = 2000;
        var table = new LoopEntryTable(Headers);
        using var done = new ManualResetEventSlim();
        var writer = Task.Run(() =>
        {
            for (int h = 0; h < Headers; h++) table[h] = h % 3 == 0 ? null : Entry;
            done.Set();
        });
        int highestSeen = -1;
        while (!done.IsSet || highestSeen < Headers - 1)
        {
            // Entries are written in order: whatever the reader sees known, everything below it must be known too.
            int h = highestSeen + 1;
            if (h < Headers && table.TryGetValue(h, out var e))
            {
                Assert.AreEqual(h % 3 == 0, e == null, $"header {h}");
                for (int below = 0; below < h; below += 97) Assert.IsTrue(table.ContainsKey(below), $"header {below} lost");
                highestSeen = h;
            }
        }
        writer.Wait();
        Assert.AreEqual(Headers - 1, highestSeen);
    }
}
