using Atlas.Vm;

namespace Atlas.Stdlib;

/// <summary>Math builtins (stdlib.md §5). Results are plain IEEE values: NaN and infinities are not errors here.</summary>
internal static class MathBuiltins
{
    internal static void Register()
    {
        Unary("abs", Math.Abs, "Absolute value.");
        Unary("floor", Math.Floor, "Largest whole number not above x.");
        Unary("ceil", Math.Ceiling, "Smallest whole number not below x.");
        Unary("round", x => Math.Round(x, MidpointRounding.ToEven), "Nearest whole number; halves go to the even neighbour (2.5 → 2).");
        Unary("sqrt", Math.Sqrt, "Square root; NaN for negative numbers.");
        Unary("log", Math.Log, "Natural logarithm; log(0) is -inf.");
        Unary("sin", Math.Sin, "Sine of an angle in radians.");
        Unary("cos", Math.Cos, "Cosine of an angle in radians.");
        Unary("tan", Math.Tan, "Tangent of an angle in radians.");
        Unary("asin", Math.Asin, "Arcsine, in radians.");
        Unary("acos", Math.Acos, "Arccosine, in radians.");
        Unary("atan", Math.Atan, "Arctangent, in radians.");
        Unary("sign", Sign, "1 for positive, -1 for negative; 0, -0 and NaN are returned unchanged.");
        Binary("min", Min, "The smaller of two numbers; a single NaN argument is ignored.");
        Binary("max", Max, "The larger of two numbers; a single NaN argument is ignored.");
        Binary("pow", Math.Pow, "base raised to the power exp.");
        BuiltinRegistry.Define("clamp", Clamp, "value limited to [lo, hi]; NaN when lo > hi.");
        BuiltinRegistry.Define("random", Random, "A uniformly distributed random number in [0, 1).");
    }

    /// <summary>
    /// The number functions behind the unary and binary math builtins, by name: with number arguments a builtin's result is
    /// exactly <c>f(args)</c>, so compiled code may call the function directly (any other argument goes through the builtin).
    /// </summary>
    internal static readonly Dictionary<string, Func<double, double>> UnaryFunctions = new(StringComparer.Ordinal);
    internal static readonly Dictionary<string, Func<double, double, double>> BinaryFunctions = new(StringComparer.Ordinal);

    private static void Unary(string name, Func<double, double> f, string summary)
    {
        UnaryFunctions[name] = f;
        BuiltinRegistry.Define(name, (_, args) =>
        {
            if (args.Count != 1) throw AtlasRuntimeException.Type($"{name}() expects 1 argument");
            if (!args[0].IsNumber) throw AtlasRuntimeException.Type($"{name}() expects number argument");
            return Value.Number(f(args[0].Num));
        }, summary);
    }

    private static void Binary(string name, Func<double, double, double> f, string summary)
    {
        BinaryFunctions[name] = f;
        BuiltinRegistry.Define(name, (_, args) =>
        {
            if (args.Count != 2) throw AtlasRuntimeException.Type($"{name}() expects 2 arguments");
            if (!args[0].IsNumber || !args[1].IsNumber) throw AtlasRuntimeException.Type($"{name}() expects number arguments");
            return Value.Number(f(args[0].Num, args[1].Num));
        }, summary);
    }

    private static double Sign(double x) => x > 0 ? 1 : x < 0 ? -1 : x;

    // Unlike Math.Min/Max, a NaN loses against a number (Rust's f64::min/max).
    private static double Min(double a, double b) => double.IsNaN(a) ? b : double.IsNaN(b) ? a : Math.Min(a, b);

    private static double Max(double a, double b) => double.IsNaN(a) ? b : double.IsNaN(b) ? a : Math.Max(a, b);

    private static Value Clamp(Interpreter vm, Args args)
    {
        if (args.Count != 3) throw AtlasRuntimeException.Type("clamp() expects 3 arguments");
        if (!args[0].IsNumber || !args[1].IsNumber || !args[2].IsNumber) throw AtlasRuntimeException.Type("clamp() expects number arguments");
        double v = args[0].Num, lo = args[1].Num, hi = args[2].Num;
        return Value.Number(lo > hi ? double.NaN : Min(Max(v, lo), hi));
    }

    private static Value Random(Interpreter vm, Args args)
    {
        if (args.Count != 0) throw AtlasRuntimeException.Type("random() expects no arguments");
        return Value.Number(System.Random.Shared.NextDouble());
    }
}
