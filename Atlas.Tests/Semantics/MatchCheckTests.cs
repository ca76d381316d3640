namespace Atlas.Tests.Semantics;

[TestClass]
public sealed class MatchCheckTests
{
    private const string Opt = "let o: Option<number> = Some(1); ";
    private const string Res = "let r: Result<number, string> = Ok(1); ";

    [TestMethod]
    [DataRow("print(match 1 { \"a\" => 1, _ => 2 });", "AT3022: Pattern type mismatch: expected number, found string")]
    [DataRow("print(match \"s\" { 1 => 1, _ => 2 });", "AT3022: Pattern type mismatch: expected string, found number")]
    [DataRow("print(match true { null => 1, _ => 2 });", "AT3022: Pattern type mismatch: expected bool, found null")]
    [DataRow(Opt + "print(match o { Some(\"x\") => 1, _ => 2 });", "AT3022: Pattern type mismatch: expected number, found string")]
    [DataRow("print(match [1] { [\"a\"] => 1, _ => 2 });", "AT3022: Pattern type mismatch: expected number, found string")]
    [DataRow(Opt + "print(match o { Some(a, b) => 1, None => 2 });", "AT3023: Some expects 1 argument, found 2")]
    [DataRow(Opt + "print(match o { Some() => 1, None => 2 });", "AT3023: Some expects 1 argument, found 0")]
    [DataRow(Opt + "print(match o { Some(\"x\", [a]) => 1, None => 2 });", "AT3023: Some expects 1 argument, found 2")]
    [DataRow(Opt + "print(match o { Some(a) => a, None(x) => 2 });", "AT3023: None expects 0 arguments, found 1")]
    [DataRow(Res + "print(match r { Ok(a, b) => 1, Err(e) => 2 });", "AT3023: Ok expects 1 argument, found 2")]
    [DataRow(Res + "print(match r { Ok(a) => 1, Err() => 2 });", "AT3023: Err expects 1 argument, found 0")]
    [DataRow(Opt + "print(match o { Ok(x) => 1, _ => 2 });", "AT3024: Unknown Option constructor: Ok")]
    [DataRow(Opt + "print(match o { Err(x) => 1, _ => 2 });", "AT3024: Unknown Option constructor: Err")]
    [DataRow(Res + "print(match r { Some(x) => 1, _ => 2 });", "AT3024: Unknown Result constructor: Some")]
    [DataRow(Res + "print(match r { None => 1, _ => 2 });", "AT3024: Unknown Result constructor: None")]
    [DataRow("print(match 1 { Some(x) => 1, _ => 2 });", "AT3025: Constructor patterns not supported for type number")]
    [DataRow("print(match [1] { None => 1, _ => 2 });", "AT3025: Constructor patterns not supported for type number[]")]
    [DataRow("print(match 1 { [a] => 1, _ => 2 });", "AT3026: Array pattern used on non-array type: number")]
    [DataRow(Opt + "print(match o { [a] => 1, _ => 2 });", "AT3026: Array pattern used on non-array type: Option<number>")]
    [DataRow("print(match 1 { n if n => 1, _ => 2 });", "AT3029: Guard expression must be bool, found number")]
    [DataRow("print(match 1 { n if \"s\" => 1, _ => 2 });", "AT3029: Guard expression must be bool, found string")]
    public void PatternErrors(string source, string expected) => Assert.AreEqual(expected, CheckHelper.Errors(source));

    [TestMethod]
    [DataRow(Opt + "print(match o { Some(x) => x });", "AT3027: Non-exhaustive match on Option: missing None")]
    [DataRow(Opt + "print(match o { None => 0 });", "AT3027: Non-exhaustive match on Option: missing Some(_)")]
    [DataRow(Opt + "print(match o { x if true => 0 });", "AT3027: Non-exhaustive match on Option: missing Some(_), None")]
    [DataRow(Opt + "print(match o { Some(x) if x > 1 => x, None => 0 });", "AT3027: Non-exhaustive match on Option: missing Some(_)")]
    [DataRow(Res + "print(match r { Ok(x) => x });", "AT3027: Non-exhaustive match on Result: missing Err(_)")]
    [DataRow(Res + "print(match r { Err(e) => 0 });", "AT3027: Non-exhaustive match on Result: missing Ok(_)")]
    [DataRow(Res + "print(match r { _ if false => 0 });", "AT3027: Non-exhaustive match on Result: missing Ok(_), Err(_)")]
    [DataRow("print(match true { true => 1 });", "AT3027: Non-exhaustive match on bool: missing false")]
    [DataRow("print(match true { false => 1 });", "AT3027: Non-exhaustive match on bool: missing true")]
    [DataRow("print(match true { b if b => 1 });", "AT3027: Non-exhaustive match on bool: missing true, false")]
    [DataRow("print(match 1 { 1 => 1, 2 => 2 });", "AT3027: Non-exhaustive match on number: patterns must cover all possible values")]
    [DataRow("print(match \"s\" { \"a\" => 1 });", "AT3027: Non-exhaustive match on string: patterns must cover all possible values")]
    [DataRow("print(match [1] { [a] => a, [a, b] => b });", "AT3027: Non-exhaustive match on number[]: patterns must cover all possible values")]
    [DataRow("print(match null { null => 1 });", "AT3027: Non-exhaustive match on null: patterns must cover all possible values")]
    [DataRow("print(match 1 { n if n > 0 => 1 });", "AT3027: Non-exhaustive match on number: patterns must cover all possible values")]
    public void Exhaustiveness(string source, string expected) => Assert.AreEqual(expected, CheckHelper.Errors(source));

    [TestMethod]
    [DataRow(Opt + "print(match o { Some(x) => x, None => 0 });")]
    [DataRow(Opt + "print(match o { Some(1) => 1, Some(x) => x, None => 0 });")]
    [DataRow(Opt + "print(match o { Some(1) => 1, None => 0 });")]
    [DataRow(Opt + "print(match o { None => 0, _ => 1 });")]
    [DataRow(Opt + "print(match o { Some(_) | None => 0 });")]
    [DataRow(Res + "print(match r { Ok(v) => v, Err(e) => len(e) });")]
    [DataRow(Res + "print(match r { Ok(v) | Err(v) => 1 });")]
    [DataRow("print(match true { true => 1, false => 0 });")]
    [DataRow("print(match true { true | false => 1 });")]
    [DataRow("print(match 1 { 1 => \"one\", 2 => \"two\", other => str(other) });")]
    [DataRow("print(match 1 { 1 | 2 => 1, _ => 0 });")]
    [DataRow("print(match [1, 2] { [] => 0, [a] => a, [a, b] => a + b, _ => -1 });")]
    [DataRow("let f = len; print(match f { x if true => 1 });")]
    [DataRow("print(match hashMapGet(hashMapNew(), 1) { Some(x) => x + \"s\" + 1, Foo(y) => y[\"k\"](1) });")]
    [DataRow("let o: Option<number[]> = Some([1]); print(match o { Some([a, b]) => a + b, Some(_) => 0, None => -1 });")]
    [DataRow("let nested: Option<Option<number>> = None; print(match nested { Some(Some(n)) => n, Some(None) => 0, None => -1 });")]
    public void ValidMatches(string source) => Assert.AreEqual("", CheckHelper.Errors(source));

    [TestMethod]
    [DataRow("let n: number = match 1 { 1 => 1, _ => \"s\" };", "AT3001: Type mismatch: expected number, found number | string")]
    [DataRow("let n: number = match 1 { 1 => 1, 2 => \"s\", _ => true };", "AT3001: Type mismatch: expected number, found number | string | bool")]
    [DataRow("let n: number = match 1 { 1 => 1, 2 => \"s\", _ => 3 };", "AT3001: Type mismatch: expected number, found number | string")]
    [DataRow("let n: number[] = match 1 { 1 => [1], _ => [\"s\"] };", "AT3001: Type mismatch: expected number[], found (number | string)[]")]
    [DataRow("let n: string = match 1 { 1 => unwrap(Some(1)), _ => 2 };", "AT3001: Type mismatch: expected string, found number")]
    [DataRow("let n: number[] = match 1 { 1 => [], _ => [2] };", "")]
    [DataRow("let n: string = match 1 { _ => unwrap(Some(1)) };", "")]
    public void ArmTypes(string source, string expected) => Assert.AreEqual(expected, CheckHelper.Errors(source));

    [TestMethod]
    public void UnionDisplayInOtherErrors() =>
        Assert.AreEqual("AT3002: Arithmetic operator requires number operands, found number | string and number",
            CheckHelper.Errors("let v = match 1 { 1 => 1, _ => \"s\" }; print(v - 1);"));

    [TestMethod]
    public void UnknownScrutineeSkipsArms() =>
        Assert.AreEqual("", CheckHelper.All("fn f(m: Foo) -> number { let k = 1; return match m { Some(x) => x + \"s\" + k, _ => k }; }"));

    [TestMethod]
    public void ExhaustivenessReportedAfterArmErrors() =>
        Assert.AreEqual("AT3022: Pattern type mismatch: expected number, found string\nAT3027: Non-exhaustive match on number: patterns must cover all possible values",
            CheckHelper.Errors("print(match 1 { \"a\" => 1 });"));
}
