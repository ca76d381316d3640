namespace Atlas.Diagnostics;

/// <summary>
/// Every compile-time diagnostic the front end can report. Members are never renumbered or reused:
/// add new ones at the end of their group. Code, severity and message template live in <see cref="DiagnosticCatalog"/>.
/// </summary>
public enum DiagnosticId
{
    // Lexer (AT1001-AT1004)
    UnexpectedCharacter = 1,
    InvalidNumberExponent,
    InvalidNumberLiteral,
    UnterminatedString,
    InvalidEscape,
    UnterminatedComment,

    // Parser
    ExpectedExpression = 100,
    InvalidAssignmentTarget,
    ExpectedPattern,
    MatchNeedsArm,
    ExpectedArrowAfterFunctionTypeParams,
    UnexpectedEmptyTypeGroup,
    ImportNotSupported,
    ExpectedSemicolonAfter,
    ExpectedCloser,
    ExpectedToken,
    ExpectedNameButFound,
    ReservedKeyword,
    ReservedKeywordFuture,
    UnsupportedTier2,
    NestingTooDeep,
    NotSupportedInRepl,
    TypeTooDeep,

    // Binder
    UnknownSymbol = 200,
    SymbolAlreadyDefined,
    FunctionAlreadyDefined,
    CannotShadowPrelude,
    GenericArity,
    UnknownGenericType,
    DuplicateTypeParameter,
    CannotInferTypeParameters,

    // Type checker
    TypeMismatch = 300,
    OperatorTypeError,
    ImmutableAssign,
    ImmutableModify,
    NotAllPathsReturn,
    ArityMismatch,
    NotCallable,
    NoSuchMethod,
    BreakOutsideLoop,
    ContinueOutsideLoop,
    ReturnOutsideFunction,
    PatternTypeMismatch,
    ConstructorArity,
    UnknownConstructor,
    ConstructorPatternUnsupported,
    ArrayPatternOnNonArray,
    NonExhaustiveMatch,
    TryRequiresResult,
    TryOutsideFunction,
    TryErrorTypeMismatch,
    TryFunctionNotResult,
    GuardNotBool,
    MethodArityMismatch,
    RedefinitionChangesType,

    // Warnings
    UnusedVariable = 400,
    UnusedParameter,
    UnreachableCode,
    NotCopyType,

    // Modules (language.md §15)
    ModuleNotFound = 500,
    ModuleLoadFailed,
    CircularDependency,
    NotExported,
    NamespaceImport,
}
