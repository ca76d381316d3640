using Atlas.Jit.Tests.TierParity.Harness;
using FsCheck;
using FsCheck.Fluent;

namespace Atlas.Jit.Tests.TierParity;

/// <summary>A failing property whose shrinker never runs out of candidates still ends, with the case it had reached.</summary>
[TestClass]
public sealed class ShrinkBudgetTests
{
    [TestMethod]
    public void ShrinkingStopsWhenTheBudgetIsSpent()
    {
        // Every candidate is "smaller" and still fails, forever: without a budget FsCheck would never report.
        var endless = Arb.From(Gen.Constant(0), x => new[] { x + 1 });
        var limited = PropertyRunner.WithShrinkBudget(endless, TimeSpan.FromMilliseconds(200));
        int shrinks = 0;
        var e = Assert.Throws<Exception>(() =>
            Check.One(Config.QuickThrowOnFailure.WithMaxTest(1), Prop.ForAll(limited, x =>
            {
                shrinks = Math.Max(shrinks, x);
                return false;
            })));
        StringAssert.Contains(e.Message, "Falsifiable");
        Assert.IsGreaterThan(0, shrinks, "it did shrink before the budget ran out");
    }

    [TestMethod]
    public void CandidatesPassThroughWithinTheBudget()
    {
        var arbitrary = Arb.From(Gen.Constant(5), x => Enumerable.Range(0, x).Reverse());
        var limited = PropertyRunner.WithShrinkBudget(arbitrary, TimeSpan.FromMinutes(1));
        CollectionAssert.AreEqual(new[] { 4, 3, 2, 1, 0 }, limited.Shrinker(5).ToArray());
    }
}
