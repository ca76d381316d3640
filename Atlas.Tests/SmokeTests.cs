namespace Atlas.Tests;

[TestClass]
public sealed class SmokeTests
{
    [TestMethod]
    public void NumberDisplay() => Assert.AreEqual("0.30000000000000004", Vm.NumberFormatter.Display(0.1 + 0.2));
}
