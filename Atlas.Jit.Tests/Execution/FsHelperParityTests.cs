using Atlas.Jit.Tests.Support;

namespace Atlas.Jit.Tests.Execution;

/// <summary>The fs* helpers (stdlib.md §9.3) called from compiled functions give what the interpreter gives.</summary>
[TestClass]
public sealed class FsHelperParityTests
{
    [TestMethod]
    public void BuildingWalkingAndRemovingATreeAgreesOnBothTiers()
    {
        // Each run makes its own temporary directory and removes it, so the runs do not see each other's files.
        var runs = Parity.Check("""
            fn build(root: string, n: number) -> number {
                for (var i = 0; i < n; i++) {
                    let d = pathJoin(root, "d" + str(i), "sub");
                    fsMkdirp(d);
                    writeFile(pathJoin(d, "f" + str(i) + ".txt"), repeat("x", i));
                }
                return len(fsWalk(root));
            }
            fn sizes(root: string, files: string[]) -> number {
                var total = 0;
                for (var i = 0; i < len(files); i++) { total = total + fsSize(pathJoin(root, files[i])); }
                return total;
            }
            let root = fsTmpdir();
            print(build(root, 4));
            let files = fsFilterEntries(fsWalk(root), "*.txt");
            print(files);
            print(sizes(root, files));
            print(fsSortEntries(["b", "A", "c"]));
            print(fsIsDir(pathJoin(root, "d1")));
            print(fsIsFile(pathJoin(root, "d1")));
            fsRmdirRecursive(root);
            print(fsIsDir(root));
            fsSize("/atlas-surely-missing/x");
            """);
        Assert.AreEqual("12\n[d0/sub/f0.txt, d1/sub/f1.txt, d2/sub/f2.txt, d3/sub/f3.txt]\n6\n[A, b, c]\ntrue\nfalse\nfalse\n",
            runs[0].Stdout.ReplaceLineEndings("\n"));
        Assert.Contains("AT0400", runs[0].Stderr);
        Assert.Contains("Failed to get metadata for '/atlas-surely-missing/x': No such file or directory (os error 2)", runs[0].Stderr);
    }
}
