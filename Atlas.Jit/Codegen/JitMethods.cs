using System.Reflection;
using Atlas.Bytecode;
using Atlas.Jit.Tiering;
using Atlas.Vm;

namespace Atlas.Jit.Codegen;

/// <summary>Reflection handles of everything generated code touches, resolved once.</summary>
internal static class JitMethods
{
    private static MethodInfo R(string name, params Type[] parameters) =>
        typeof(JitRuntime).GetMethod(name, parameters) ?? throw new MissingMethodException(nameof(JitRuntime), name);

    private static readonly Type V = typeof(Value);
    private static readonly Type D = typeof(double);

    public static readonly FieldInfo LoopEntryDeclined = typeof(CompiledFrames).GetField(nameof(CompiledFrames.LoopEntryDeclined))!;
    public static readonly FieldInfo NullField = typeof(Value).GetField(nameof(Value.Null))!;
    public static readonly FieldInfo NumField = typeof(Value).GetField(nameof(Value.Num))!;
    public static readonly FieldInfo ObjField = typeof(Value).GetField(nameof(Value.Obj))!;
    public static readonly PropertyInfo ProtoProperty = typeof(FunctionValue).GetProperty(nameof(FunctionValue.Proto))!;
    public static readonly PropertyInfo UpvaluesProperty = typeof(FunctionValue).GetProperty(nameof(FunctionValue.Upvalues))!;
    public static readonly FieldInfo HasPendingReturnField = typeof(Interpreter).GetField(nameof(Interpreter.HasPendingReturn))!;
    public static readonly FieldInfo FunctionEpochField = typeof(Interpreter).GetField(nameof(Interpreter.FunctionEpoch))!;
    public static readonly MethodInfo TakePendingReturn = typeof(Interpreter).GetMethod(nameof(Interpreter.TakePendingReturn))!;
    public static readonly MethodInfo ReturnToInterpreter = R(nameof(JitRuntime.ReturnToInterpreter),
        typeof(Interpreter), typeof(int), typeof(Value[]), typeof(int), typeof(int), typeof(JitFunction));

    /// <summary>The parameters of the three deoptimization helpers (<see cref="JitRuntime.Deoptimize"/> and its typed forms).</summary>
    private static readonly Type[] DeoptimizeParameters =
        [typeof(Interpreter), typeof(FunctionValue), typeof(Value[]), typeof(Value[]), typeof(int), typeof(int), typeof(JitFunction)];

    public static readonly MethodInfo Deoptimize = R(nameof(JitRuntime.Deoptimize), DeoptimizeParameters);

    public static readonly MethodInfo Share = R(nameof(JitRuntime.Share), V);
    public static readonly MethodInfo DeoptimizeToNumber = R(nameof(JitRuntime.DeoptimizeToNumber), DeoptimizeParameters);
    public static readonly MethodInfo DeoptimizeToBool = R(nameof(JitRuntime.DeoptimizeToBool), DeoptimizeParameters);
    public static readonly MethodInfo DeoptimizeToLong = R(nameof(JitRuntime.DeoptimizeToLong), DeoptimizeParameters);
    public static readonly MethodInfo CallValueLong = R(nameof(JitRuntime.CallValueLong), typeof(Interpreter), typeof(int));
    public static readonly MethodInfo LongOrPending = R(nameof(JitRuntime.LongOrPending), typeof(Interpreter), V);
    public static readonly MethodInfo BoxLongResult = R(nameof(JitRuntime.BoxLongResult), typeof(Interpreter), typeof(long));
    public static readonly MethodInfo LongResultAsNumber = R(nameof(JitRuntime.LongResultAsNumber), typeof(long));
    public static readonly MethodInfo FitsLong = typeof(Reprs).GetMethod(nameof(Reprs.FitsLong))!;
    public static readonly MethodInfo OutsideLong = typeof(Reprs).GetMethod(nameof(Reprs.Outside))!;
    public static readonly MethodInfo BothWithin = typeof(Reprs).GetMethod(nameof(Reprs.BothWithin))!;
    public static readonly MethodInfo LeavesLongRange = typeof(Reprs).GetMethod(nameof(Reprs.LeavesLongRange))!;
    public static readonly MethodInfo ProductOrNone = typeof(Reprs).GetMethod(nameof(Reprs.ProductOrNone))!;
    public static readonly MethodInfo CheckGlobal = R(nameof(JitRuntime.CheckGlobal), typeof(Interpreter), typeof(int));
    public static readonly MethodInfo PushGlobal = R(nameof(JitRuntime.PushGlobal), typeof(Interpreter), typeof(int), typeof(bool));
    public static readonly MethodInfo PendGlobal = R(nameof(JitRuntime.PendGlobal), typeof(Interpreter), typeof(int), typeof(bool));
    public static readonly MethodInfo PushNumber = R(nameof(JitRuntime.PushNumber), typeof(Interpreter), D);
    public static readonly MethodInfo PushBool = R(nameof(JitRuntime.PushBool), typeof(Interpreter), typeof(bool));
    public static readonly MethodInfo PushFunction = R(nameof(JitRuntime.PushFunction), typeof(Interpreter), typeof(FunctionValue));
    public static readonly MethodInfo CallValueNumber = R(nameof(JitRuntime.CallValueNumber), typeof(Interpreter), typeof(int));
    public static readonly MethodInfo CallValueBool = R(nameof(JitRuntime.CallValueBool), typeof(Interpreter), typeof(int));
    public static readonly MethodInfo StoreNumber = R(nameof(JitRuntime.StoreNumber), typeof(Value[]), typeof(int), D);
    public static readonly MethodInfo StoreBool = R(nameof(JitRuntime.StoreBool), typeof(Value[]), typeof(int), typeof(bool));
    public static readonly MethodInfo StorePendingReturn =
        R(nameof(JitRuntime.StorePendingReturn), typeof(Value[]), typeof(int), typeof(Interpreter));
    public static readonly MethodInfo NumberOrPending = R(nameof(JitRuntime.NumberOrPending), typeof(Interpreter), V);
    public static readonly MethodInfo BoolOrPending = R(nameof(JitRuntime.BoolOrPending), typeof(Interpreter), V);
    public static readonly MethodInfo BoxNumberResult = R(nameof(JitRuntime.BoxNumberResult), typeof(Interpreter), D);
    public static readonly MethodInfo BoxBoolResult = R(nameof(JitRuntime.BoxBoolResult), typeof(Interpreter), typeof(bool));
    public static readonly MethodInfo Same = R(nameof(JitRuntime.Same), typeof(object), typeof(object));
    public static readonly MethodInfo StrOfNumber = R(nameof(JitRuntime.StrOfNumber), typeof(double));
    public static readonly MethodInfo GlobalObject = R(nameof(JitRuntime.GlobalObject), typeof(Interpreter), typeof(int));
    public static readonly MethodInfo Number = R(nameof(JitRuntime.Number), D);
    public static readonly MethodInfo Bool = R(nameof(JitRuntime.Bool), typeof(bool));
    public static readonly MethodInfo IsNumber = R(nameof(JitRuntime.IsNumber), V);
    public static readonly MethodInfo IsLong = R(nameof(JitRuntime.IsLong), V);
    public static readonly MethodInfo PendNumber = R(nameof(JitRuntime.PendNumber), typeof(Interpreter), D);
    /// <summary><see cref="double.IsFinite"/>: the test AT0007 applies (<see cref="ValueOps.Checked"/>), for a pure run's end.</summary>
    public static readonly MethodInfo IsFinite = typeof(double).GetMethod(nameof(double.IsFinite), [typeof(double)])!;
    public static readonly MethodInfo ThrowDivideByZero = typeof(ValueOps).GetMethod(nameof(ValueOps.ThrowDivideByZero))!;
    public static readonly MethodInfo IsBool = R(nameof(JitRuntime.IsBool), V);
    public static readonly MethodInfo IsTrue = R(nameof(JitRuntime.IsTrue), V);
    public static readonly MethodInfo IsArray = R(nameof(JitRuntime.IsArray), V);
    public static readonly MethodInfo IsNull = R(nameof(JitRuntime.IsNull), V);
    public static readonly MethodInfo AsBool = R(nameof(JitRuntime.AsBool), V);

    public static readonly MethodInfo AddNumbers = typeof(ValueOps).GetMethod(nameof(ValueOps.AddNumbers))!;
    public static readonly MethodInfo SubNumbers = typeof(ValueOps).GetMethod(nameof(ValueOps.SubNumbers))!;
    public static readonly MethodInfo MulNumbers = typeof(ValueOps).GetMethod(nameof(ValueOps.MulNumbers))!;
    public static readonly MethodInfo DivNumbers = typeof(ValueOps).GetMethod(nameof(ValueOps.DivNumbers))!;
    public static readonly MethodInfo ModNumbers = typeof(ValueOps).GetMethod(nameof(ValueOps.ModNumbers))!;
    public static readonly MethodInfo AddDV = R(nameof(JitRuntime.Add), D, V);
    public static readonly MethodInfo AddVD = R(nameof(JitRuntime.Add), V, D);
    public static readonly MethodInfo AddVV = R(nameof(JitRuntime.Add), V, V);
    public static readonly MethodInfo Sub = R(nameof(JitRuntime.Sub), V, V);
    public static readonly MethodInfo Mul = R(nameof(JitRuntime.Mul), V, V);
    public static readonly MethodInfo Div = R(nameof(JitRuntime.Div), V, V);
    public static readonly MethodInfo Mod = R(nameof(JitRuntime.Mod), V, V);
    public static readonly MethodInfo Negate = R(nameof(JitRuntime.Negate), V);

    public static readonly MethodInfo Less = R(nameof(JitRuntime.Less), V, V);
    public static readonly MethodInfo LessEqual = R(nameof(JitRuntime.LessEqual), V, V);
    public static readonly MethodInfo Greater = R(nameof(JitRuntime.Greater), V, V);
    public static readonly MethodInfo GreaterEqual = R(nameof(JitRuntime.GreaterEqual), V, V);
    public static readonly MethodInfo EqualVV = R(nameof(JitRuntime.Equal), V, V);
    public static readonly MethodInfo EqualVD = R(nameof(JitRuntime.Equal), V, D);
    public static readonly MethodInfo Not = R(nameof(JitRuntime.Not), V);
    public static readonly MethodInfo RequireBool = R(nameof(JitRuntime.RequireBool), V, typeof(int));
    public static readonly MethodInfo RequireNumber = R(nameof(JitRuntime.RequireNumber), V, typeof(int));

    public static readonly MethodInfo GetIndexVD = R(nameof(JitRuntime.GetIndex), V, D);
    public static readonly MethodInfo GetIndexVV = R(nameof(JitRuntime.GetIndex), V, V);
    public static readonly MethodInfo SetIndexVDV = R(nameof(JitRuntime.SetIndex), V, D, V);
    public static readonly MethodInfo SetIndexVDD = R(nameof(JitRuntime.SetIndex), V, D, D);
    public static readonly MethodInfo GetNumber = R(nameof(JitRuntime.GetNumber), typeof(Interpreter), V, D);
    public static readonly MethodInfo GetNumberAt = R(nameof(JitRuntime.GetNumber), typeof(Interpreter), V, typeof(long));
    public static readonly MethodInfo SetIndexVLD = R(nameof(JitRuntime.SetIndex), V, typeof(long), D);
    public static readonly MethodInfo SetIndex = R(nameof(JitRuntime.SetIndex), V, V, V);
    public static readonly MethodInfo ArrayLength = R(nameof(JitRuntime.ArrayLength), V);

    private static readonly Type A = typeof(AtlasArray);
    public static readonly MethodInfo BoxArray = R(nameof(JitRuntime.BoxArray), A);
    public static readonly MethodInfo TryPushNumber = typeof(AtlasArray).GetMethod(nameof(AtlasArray.TryPushNumber))!;
    public static readonly MethodInfo StoreArray = R(nameof(JitRuntime.StoreArray), typeof(Value[]), typeof(int), A);
    public static readonly MethodInfo AsArray = R(nameof(JitRuntime.AsArray), V);
    public static readonly MethodInfo ShareArray = R(nameof(JitRuntime.Share), A);
    public static readonly MethodInfo NewArray = R(nameof(JitRuntime.NewArray), typeof(Value[]));
    public static readonly MethodInfo PendValue = R(nameof(JitRuntime.PendValue), typeof(Interpreter), V);
    public static readonly MethodInfo GetNumberAD = R(nameof(JitRuntime.GetNumber), typeof(Interpreter), A, D);
    public static readonly MethodInfo ReadNumberOrNaN = R(nameof(JitRuntime.ReadNumberOrNaN), A, typeof(long));
    public static readonly MethodInfo GlobalTryWriteNumber =
        R(nameof(JitRuntime.GlobalTryWriteNumber), typeof(Interpreter), typeof(int), typeof(long), typeof(double));
    public static readonly MethodInfo GlobalArrayOrNone = R(nameof(JitRuntime.GlobalArrayOrNone), typeof(Interpreter), typeof(int));
    public static readonly MethodInfo GlobalNumberOrNaN =
        R(nameof(JitRuntime.GlobalNumberOrNaN), typeof(Interpreter), typeof(int), typeof(long));
    public static readonly MethodInfo TryWriteNumberAL = R(nameof(JitRuntime.TryWriteNumber), A, typeof(long), D);
    public static readonly MethodInfo TryWriteNumberAD = R(nameof(JitRuntime.TryWriteNumber), A, D, D);
    public static readonly MethodInfo TryWriteWholeAL = R(nameof(JitRuntime.TryWriteNumber), A, typeof(long), typeof(long));
    public static readonly MethodInfo WriteNumber = R(nameof(JitRuntime.WriteNumber), A, D, D);
    public static readonly MethodInfo SetIndexADV = R(nameof(JitRuntime.SetIndex), A, D, V);
    public static readonly MethodInfo SetIndexAVV = R(nameof(JitRuntime.SetIndex), A, V, V);
    public static readonly MethodInfo ArrayCount = R(nameof(JitRuntime.ArrayLength), A);

    public static readonly MethodInfo GetGlobal = R(nameof(JitRuntime.GetGlobal), typeof(Interpreter), typeof(int));
    public static readonly MethodInfo BorrowGlobal = R(nameof(JitRuntime.BorrowGlobal), typeof(Interpreter), typeof(int));
    public static readonly MethodInfo StoreGlobalInFrame = R(nameof(JitRuntime.StoreGlobalInFrame),
        typeof(Value[]), typeof(int), typeof(Interpreter), typeof(int), typeof(bool));
    public static readonly MethodInfo SetGlobal = R(nameof(JitRuntime.SetGlobal), typeof(Interpreter), typeof(int), V);
    public static readonly MethodInfo Upvalues = R(nameof(JitRuntime.Upvalues), typeof(FunctionValue), typeof(bool));

    public static readonly MethodInfo Arg = R(nameof(JitRuntime.Arg), typeof(Interpreter), typeof(int));
    public static readonly MethodInfo Push = R(nameof(JitRuntime.Push), typeof(Interpreter), V);
    public static readonly MethodInfo CallValue = R(nameof(JitRuntime.CallValue), typeof(Interpreter), typeof(int));
    public static readonly MethodInfo CallMethod =
        R(nameof(JitRuntime.CallMethod), typeof(Interpreter), typeof(string), typeof(BuiltinImpl), typeof(int));
    public static readonly MethodInfo CallBuiltin =
        R(nameof(JitRuntime.CallBuiltin), typeof(Interpreter), typeof(BuiltinFunction), typeof(int));
    public static readonly MethodInfo Fallback =
        R(nameof(JitRuntime.Fallback), typeof(Interpreter), typeof(FunctionValue), typeof(int), typeof(JitFunction));
    public static readonly MethodInfo Unwound = R(nameof(JitRuntime.Unwound), typeof(int), typeof(int));
    public static readonly MethodInfo UnwoundProto = R(nameof(JitRuntime.Unwound), typeof(FunctionProto), typeof(int));
    public static readonly MethodInfo CheckCompiledCall = typeof(Interpreter).GetMethod(nameof(Interpreter.CheckCompiledCall))!;
    public static readonly MethodInfo CheckSmallFrameCall = typeof(Interpreter).GetMethod(nameof(Interpreter.CheckSmallFrameCall))!;
    public static readonly MethodInfo YieldToInterpreter =
        typeof(Interpreter).GetMethod(nameof(Interpreter.YieldToInterpreter))!;
    public static readonly MethodInfo RunningAt = typeof(Interpreter).GetMethod(nameof(Interpreter.RunningAt))!;
    public static readonly FieldInfo DepthField = typeof(Interpreter).GetField(nameof(Interpreter.Depth))!;
    public static readonly PropertyInfo TickPending = typeof(Interpreter).GetProperty(nameof(Interpreter.TickPending))!;
    public static readonly MethodInfo Tick = typeof(Interpreter).GetMethod(nameof(Interpreter.TickCompiled))!;
    public static readonly FieldInfo SpilledDoubles = typeof(Interpreter).GetField(nameof(Interpreter.SpilledDoubles))!;
    public static readonly FieldInfo SpilledLongs = typeof(Interpreter).GetField(nameof(Interpreter.SpilledLongs))!;

    public static readonly MethodInfo IsSome = R(nameof(JitRuntime.IsSome), V);
    public static readonly MethodInfo IsNone = R(nameof(JitRuntime.IsNone), V);
    public static readonly MethodInfo IsOk = R(nameof(JitRuntime.IsOk), V);
    public static readonly MethodInfo IsErr = R(nameof(JitRuntime.IsErr), V);
    public static readonly MethodInfo OptionPayload = R(nameof(JitRuntime.OptionPayload), V);
    public static readonly MethodInfo ResultPayload = R(nameof(JitRuntime.ResultPayload), V);
    public static readonly MethodInfo RequireResult = R(nameof(JitRuntime.RequireResult), V);
    public static readonly MethodInfo RequireIterable = R(nameof(JitRuntime.RequireIterable), V);
    public static readonly MethodInfo PairItem = R(nameof(JitRuntime.PairItem), V);
    public static readonly MethodInfo PairCollection = R(nameof(JitRuntime.PairCollection), V);
    public static readonly MethodInfo MakeArray = R(nameof(JitRuntime.MakeArray), typeof(Value[]));
    public static readonly MethodInfo MakeClosure = R(nameof(JitRuntime.MakeClosure), typeof(FunctionProto), typeof(Value[]));
    public static readonly MethodInfo ThrowMatchFailed = R(nameof(JitRuntime.ThrowMatchFailed));
    public static readonly MethodInfo ThrowMessage = R(nameof(JitRuntime.ThrowMessage), V);
}
