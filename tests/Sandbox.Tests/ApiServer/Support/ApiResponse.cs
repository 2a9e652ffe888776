using System.Net;
using System.Text.Json.Nodes;

namespace CiBridge.Sandbox.Tests.ApiServer.Support;

/// <summary>Status code, parsed JSON body and headers of one API call.</summary>
internal sealed record ApiResponse(HttpStatusCode Status, JsonNode? Body, string Text, IReadOnlyList<string> Warnings)
{
    public int Code => (int)Status;

    public JsonObject Object => Body as JsonObject ?? throw new InvalidOperationException($"not an object ({Code}): {Text}");

    public string? Reason => Body?["reason"]?.ToString();

    public string? Message => Body?["message"]?.ToString();

    public string ResourceVersion => Body?["metadata"]?["resourceVersion"]?.ToString() ?? "";

    public override string ToString() => $"{Code} {Text}";
}
