using System.Text.Json.Nodes;

namespace CiBridge.Kubernetes.Client;

/// <summary>A PATCH body and its content type.</summary>
public sealed record Patch(string ContentType, string Body, bool Force = false)
{
    public const string MergeContentType = "application/merge-patch+json";
    public const string JsonPatchContentType = "application/json-patch+json";
    public const string ApplyContentType = "application/apply-patch+yaml";

    /// <summary>An RFC 7386 merge patch: objects merge, a null removes a field, arrays are replaced.</summary>
    public static Patch Merge(JsonNode body) => new(MergeContentType, body.ToJsonString());

    /// <summary>An RFC 6902 JSON patch (an array of operations, such as <c>test</c> then <c>replace</c>).</summary>
    public static Patch Json(JsonArray operations) => new(JsonPatchContentType, operations.ToJsonString());

    /// <summary>Server-side apply of the fields in <paramref name="body"/>, owned by the client's field manager.</summary>
    public static Patch Apply(JsonNode body, bool force = true) => new(ApplyContentType, body.ToJsonString(), force);

    public bool IsApply => ContentType == ApplyContentType;
}
