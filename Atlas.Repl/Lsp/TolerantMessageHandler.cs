using System.Text.Json;
using StreamJsonRpc;
using StreamJsonRpc.Protocol;

namespace Atlas.Repl.Lsp;

/// <summary>
/// LSP's header-delimited framing (<c>Content-Length</c>) that survives a malformed message: a frame whose body is not
/// a JSON-RPC message is answered with a JSON-RPC <c>Parse error</c> (id null) and reading goes on with the next frame.
/// StreamJsonRpc's own handler would end the connection instead.
/// </summary>
internal sealed class TolerantMessageHandler(Stream writer, Stream reader, IJsonRpcMessageFormatter formatter)
    : HeaderDelimitedMessageHandler(writer, reader, formatter)
{
    protected override async ValueTask<JsonRpcMessage?> ReadCoreAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return await base.ReadCoreAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (IsBadBody(e))
            {
                // The whole frame was consumed before its body failed to deserialize, so the next frame starts cleanly.
                var error = new JsonRpcError
                {
                    RequestId = RequestId.Null,
                    Error = new JsonRpcError.ErrorDetail { Code = JsonRpcErrorCode.ParseError, Message = "Parse error: " + e.Message },
                };
                await WriteAsync(error, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static bool IsBadBody(Exception e) =>
        e is JsonException or FormatException or InvalidOperationException or NotSupportedException or ArgumentException
        || (e.InnerException is { } inner && IsBadBody(inner));
}
