using System.Text.Json.Nodes;

namespace CiBridge.Sandbox.ApiServer.Http;

/// <summary>A request failure that becomes a <c>meta.k8s.io/v1 Status</c> response.</summary>
internal sealed class ApiException(int code, string reason, string message, JsonObject? details = null) : Exception(message)
{
    public int Code { get; } = code;
    public string Reason { get; } = reason;
    public JsonObject? Details { get; } = details;

    public JsonObject ToStatus() => StatusObjects.Failure(Code, Reason, Message, Details);
}
