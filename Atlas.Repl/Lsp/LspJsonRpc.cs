using StreamJsonRpc;
using StreamJsonRpc.Protocol;

namespace Atlas.Repl.Lsp;

/// <summary>
/// StreamJsonRpc's connection with errors an editor can show: a refused request keeps its code and message, bad
/// parameters are <c>InvalidParams</c>, anything else <c>InternalError</c> — never a .NET stack trace in the reply.
/// </summary>
internal sealed class LspJsonRpc(IJsonRpcMessageHandler handler) : JsonRpc(handler)
{
    protected override JsonRpcError.ErrorDetail CreateErrorDetails(JsonRpcRequest request, Exception exception)
    {
        var (code, message) = exception switch
        {
            LocalRpcException local => ((JsonRpcErrorCode)local.ErrorCode, local.Message),
            ArgumentException or NullReferenceException or FormatException =>
                (JsonRpcErrorCode.InvalidParams, $"Invalid params for {request.Method}: {exception.Message}"),
            _ => (JsonRpcErrorCode.InternalError, $"Internal error in {request.Method}: {exception.Message}"),
        };
        return new JsonRpcError.ErrorDetail { Code = code, Message = message };
    }
}
