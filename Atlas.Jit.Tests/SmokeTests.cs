namespace Atlas.Jit.Tests;

[TestClass]
public sealed class SmokeTests
{
    [TestMethod]
    public void RuntimeIsReferenced() => Assert.AreEqual("inf", Vm.NumberFormatter.Display(double.PositiveInfinity));
}
