using Atlas.Bytecode;
using Atlas.Jit.Tests.Support;

namespace Atlas.Jit.Tests.Codegen;

/// <summary>
/// One program per opcode (most also exercise its error path): compiled on first call, every function — the script
/// included — must print exactly what the interpreter prints, and the opcode must really be in the compiled code.
/// </summary>
[TestClass]
internal sealed class OpcodeTests
{
    [TestMethod]
    [DataRow(OpCode.Constant, "fn f() -> string { return \"s\" + str(1.5); }\nprint(f());")]
    [DataRow(OpCode.Null, "fn f(x: number) { if (x > 1) { print(x); } }\nprint(f(2));")]
    [DataRow(OpCode.True, "fn f(b: bool) -> bool { if (b) { return false; } return true; }\nprint(f(true));\nprint(f(false));")]
    [DataRow(OpCode.False, "fn f(n: number) -> bool { var seen = false; if (n > 0) { seen = true; } return seen; }\nprint(f(0));\nprint(f(1));")]
    [DataRow(OpCode.GetLocal, "fn f(n: number) -> number { var a = n; a = a * 2; return a + n; }\nprint(f(21));")]
    [DataRow(OpCode.SetLocal, "fn f(n: number) -> number { var a = 0; for (var i = 0; i < n; i++) { a = a + i; } return a; }\nprint(f(10));")]
    [DataRow(OpCode.GetGlobal, "let k = 3;\nfn f(n: number) -> number { return n * k; }\nprint(f(5));")]
    [DataRow(OpCode.SetGlobal, "var g = 1;\nfn f() -> number { g = g + 1; return g; }\nprint(f());\nprint(f());\nprint(g);")]
    [DataRow(OpCode.GetUpvalue, "fn outer(n: number) -> number {\n  let k = n * 2;\n  fn inner(x: number) -> number { return x + k; }\n  return inner(1) + inner(2);\n}\nprint(outer(5));")]
    [DataRow(OpCode.SetUpvalue, "fn outer(n: number) -> number {\n  var count = n;\n  fn inc() -> number { count = count + 1; return count; }\n  return inc() * 10 + inc();\n}\nprint(outer(1));")]
    [DataRow(OpCode.BorrowLocal, "fn f() -> number[] { var a = [1, 2, 3]; a[0] = 5; a.push(9); return a; }\nprint(f());")]
    [DataRow(OpCode.BorrowGlobal, "var arr = [1, 2, 3];\nfn f() -> number { arr[1] = 7; return arr[1]; }\nprint(f());\nprint(arr);")]
    [DataRow(OpCode.BorrowUpvalue, "fn outer() -> number {\n  let xs = [1, 2, 3];\n  fn g(i: number) -> number { return xs[i]; }\n  return g(2) + g(0);\n}\nprint(outer());")]
    [DataRow(OpCode.MakeClosure, "fn adder(n: number) -> (number) -> number {\n  fn add(x: number) -> number { return x + n; }\n  return add;\n}\nlet a = adder(1);\nlet b = adder(10);\nprint(a(1));\nprint(b(1));\nprint(a == b);")]
    [DataRow(OpCode.Add, "fn f(a: number, b: number) -> number { return a + b; }\nfn g(a: string, b: string) -> string { return a + b; }\nprint(f(1, 2));\nprint(g(\"a\", \"b\"));\nprint(f(0.1, 0.2));")]
    [DataRow(OpCode.Add, "fn f(a: number) -> number { return a + unwrap(Some(\"x\")); }\nprint(f(1));")]
    [DataRow(OpCode.Add, "fn f(a: number) -> number { return a * 1e308 + a * 1e308; }\nprint(f(1));\nprint(f(2));")]
    [DataRow(OpCode.Sub, "fn f(a: number, b: number) -> number { return a - b; }\nprint(f(1, 2.5));\nprint(f(-0, 0));")]
    [DataRow(OpCode.Mul, "fn f(a: number, b: number) -> number { return a * b; }\nprint(f(3, 2.5));\nprint(f(1e200, 1e200));")]
    [DataRow(OpCode.Div, "fn f(a: number, b: number) -> number { return a / b; }\nprint(f(1, 4));\nprint(f(1, 0));")]
    [DataRow(OpCode.Mod, "fn f(a: number, b: number) -> number { return a % b; }\nprint(f(7, 3));\nprint(f(-7, 3));\nprint(f(-4, 2));\nprint(f(7.5, 2));\nprint(f(1, 0));")]
    [DataRow(OpCode.Negate, "fn f(a: number) -> number { return -a; }\nprint(f(3));\nprint(f(0));\nprint(f(-2));")]
    [DataRow(OpCode.Equal, "fn f(a: number[], b: number[]) -> bool { return a == b; }\nfn g(a: string, b: string) -> bool { return a == b; }\nprint(f([1, 2], [1, 2]));\nprint(f([1], [2]));\nprint(g(\"x\", \"x\"));\nprint(Some(1) == Some(1));\nprint(1 == 1);")]
    [DataRow(OpCode.NotEqual, "fn f(a: number, b: number) -> bool { return a != b; }\nfn g(a: bool, b: bool) -> bool { return a != b; }\nprint(f(1, 2));\nprint(f(2, 2));\nprint(g(true, false));")]
    [DataRow(OpCode.Less, "fn f(a: number, b: number) -> bool { return a < b; }\nprint(f(1, 2));\nprint(f(2, 1));")]
    [DataRow(OpCode.Less, "fn f(a: number) -> bool { return a < unwrap(Some(\"s\")); }\nprint(f(1));")]
    [DataRow(OpCode.LessEqual, "fn f(a: number, b: number) -> bool { return a <= b; }\nprint(f(2, 2));\nprint(f(3, 2));")]
    [DataRow(OpCode.Greater, "fn f(a: number, b: number) -> bool { return a > b; }\nprint(f(3, 2));\nprint(f(2, 2));")]
    [DataRow(OpCode.GreaterEqual, "fn f(a: number, b: number) -> bool { return a >= b; }\nprint(f(2, 2));\nprint(f(1, 2));")]
    [DataRow(OpCode.Not, "fn f(a: bool) -> bool { return !a; }\nprint(f(true));\nprint(f(false));")]
    [DataRow(OpCode.Not, "fn f() -> bool { return !unwrap(Some(1)); }\nprint(f());")]
    [DataRow(OpCode.CheckBool, "fn f(x: number) -> bool { return x > 0 && unwrap(Some(true)); }\nprint(f(1));\nprint(f(0));")]
    [DataRow(OpCode.CheckBool, "fn f(x: number) -> bool { return x > 0 || unwrap(Some(5)); }\nprint(f(1));\nprint(f(0));")]
    [DataRow(OpCode.Jump, "fn f(x: number) -> string { if (x > 0) { return \"pos\"; } else { return \"other\"; } }\nprint(f(1));\nprint(f(-1));")]
    [DataRow(OpCode.JumpIfFalse, "fn f(x: number) -> number { var r = 0; if (x > 0) { r = 1; } if (unwrap(Some(1))) { r = r + 10; } return r; }\nprint(f(1));")]
    [DataRow(OpCode.Loop, "fn f(n: number) -> number { var i = 0; var s = 0; while (i < n) { i++; if (i % 2 == 0) { continue; } s += i; } return s; }\nprint(f(10));")]
    [DataRow(OpCode.Call, "fn sq(x: number) -> number { return x * x; }\nfn f(n: number) -> number { return sq(n) + sqrt(n) + len(\"abc\"); }\nprint(f(4));")]
    [DataRow(OpCode.Call, "fn f() -> number { let g = unwrap(Some(5)); return g(); }\nprint(f());")]
    [DataRow(OpCode.Call, "fn two(a: number, b: number) -> number { return a - b; }\nfn f() -> number { let h = unwrap(Some(two)); return h(1); }\nprint(f());")]
    [DataRow(OpCode.CallMethod, "fn f() -> string { var a = [3, 1, 2]; a.push(4); let s = a.sort(); return s.join(\",\") + str(a.len()); }\nprint(f());")]
    [DataRow(OpCode.Return, "fn f(x: number) -> number { for (var i = 0; i < 10; i++) { if (i == x) { return i * 10; } } return -1; }\nprint(f(3));\nprint(f(30));")]
    [DataRow(OpCode.Array, "fn f(x: number) -> number[] { return [x, x + 1, [x][0]]; }\nprint(f(1));\nprint([]);")]
    [DataRow(OpCode.GetIndex, "fn f(a: number[], i: number) -> number { return a[i]; }\nprint(f([1, 2, 3], 2));\nprint(f([1, 2, 3], 1.5));")]
    [DataRow(OpCode.GetIndex, "fn f(a: number[], i: number) -> number { return a[i]; }\nprint(f([1, 2, 3], 3));")]
    [DataRow(OpCode.SetIndex, "fn f() -> number[][] { var m = [[1, 2], [3, 4]]; m[1][0] = 9; m[0][1] += 5; return m; }\nprint(f());")]
    [DataRow(OpCode.SetIndex, "fn f(i: number) -> number[] { var a = [1, 2]; a[i] = 0; return a; }\nprint(f(1));\nprint(f(-1));")]
    [DataRow(OpCode.Pop, "fn f(x: number) -> number { x + 1; return x; }\nprint(f(1));")]
    [DataRow(OpCode.Dup, "fn f(a: bool, b: bool) -> bool { return a && b || !a; }\nprint(f(true, false));\nprint(f(false, false));")]
    [DataRow(OpCode.IsOptionSome, "fn f(o: Option<number>) -> number { return match o { Some(x) => x * 2, None => -1 }; }\nprint(f(Some(4)));\nprint(f(None));")]
    [DataRow(OpCode.IsOptionNone, "fn f(o: Option<number>) -> string { return match o { None => \"none\", _ => \"some\" }; }\nprint(f(None));\nprint(f(Some(1)));")]
    [DataRow(OpCode.IsResultOk, "fn f(r: Result<number, string>) -> string { return match r { Ok(v) => str(v), Err(e) => e }; }\nprint(f(Ok(1)));\nprint(f(Err(\"bad\")));")]
    [DataRow(OpCode.IsResultErr, "fn f(r: Result<number, string>) -> number { return match r { Err(_) => 0, Ok(v) => v }; }\nprint(f(Ok(7)));\nprint(f(Err(\"e\")));")]
    [DataRow(OpCode.ExtractOptionValue, "fn f(o: Option<number[]>) -> number { return match o { Some([a, b]) => a + b, Some(_) => 1, None => 0 }; }\nprint(f(Some([1, 2])));\nprint(f(Some([1])));\nprint(f(None));")]
    [DataRow(OpCode.ExtractResultValue, "fn half(x: number) -> Result<number, string> { if (x % 2 == 0) { return Ok(x / 2); } return Err(\"odd\"); }\nfn f(x: number) -> Result<number, string> { let h = half(x)?; return Ok(h + 1); }\nprint(f(4));\nprint(f(3));")]
    [DataRow(OpCode.IsArray, "fn f(v: number[]) -> string { return match v { [] => \"empty\", [x] => \"one \" + str(x), _ => \"many\" }; }\nprint(f([]));\nprint(f([5]));\nprint(f([1, 2]));")]
    [DataRow(OpCode.GetArrayLen, "fn f(xs: number[]) -> number { var s = 0; for x in xs { s = s + x; } return s; }\nprint(f([1, 2, 3]));")]
    [DataRow(OpCode.CheckResult, "fn f(x: number) -> number { let r = unwrap(Some(x)); let v = r?; return v; }\nfn g() -> number { let r = unwrap(Some(Ok(2))); return r?; }\nprint(g());\nprint(f(5));")]
    [DataRow(OpCode.CheckIterable, "fn f<T>(x: T) -> number { let xs = unwrap(Some(x)); var n = 0; for c in xs { n = n + 1; } return n; }\nprint(f([1, 2]));\nprint(f(\"ab\"));")]
    [DataRow(OpCode.MatchFailed, "fn f(x: number) -> string { let v = unwrap(Some(x)); return match v { 1 => \"one\", 3 => \"three\" }; }\nprint(f(1));\nprint(f(2));")]
    [DataRow(OpCode.CheckNumber, "fn f<T>(x: T) -> number { var y = unwrap(Some(x)); y += 1; y++; return y; }\nprint(f(1));\nprint(f(\"s\"));")]
    [DataRow(OpCode.UnpackPair, "fn f() -> number { var a = [1, 2, 3]; let last = a.pop(); let first = a.shift(); return last * 10 + first + len(a); }\nprint(f());")]
    [DataRow(OpCode.Throw, "fn g() -> number[] { return [1]; }\nfn f() -> number { g()[0] = 1; return 0; }\nprint(f());")]
    public void CompiledMatchesInterpreted(OpCode op, string source)
    {
        var program = Exec.Compile(source);
        Assert.IsTrue(program.Functions.Any(p => Contains(p, op)), $"the program does not use {op}");
        Parity.CheckAllCompiled(source);
    }

    private static bool Contains(FunctionProto proto, OpCode op)
    {
        for (int pc = 0; pc < proto.Code.Length; pc += OpInfo.Of((OpCode)proto.Code[pc]).Size)
            if ((OpCode)proto.Code[pc] == op) return true;
        return false;
    }

    [TestMethod]
    public void EveryExecutableOpcodeHasAProgram()
    {
        var covered = typeof(OpcodeTests).GetMethod(nameof(CompiledMatchesInterpreted))!
            .GetCustomAttributes(typeof(DataRowAttribute), false).Cast<DataRowAttribute>()
            .Select(r => (OpCode)r.Data[0]!).ToHashSet();
        var missing = Enum.GetValues<OpCode>().Where(op => op is not (OpCode.And or OpCode.Or) && !covered.Contains(op)).ToList();
        Assert.IsEmpty(missing, "no program for: " + string.Join(", ", missing));
    }
}
