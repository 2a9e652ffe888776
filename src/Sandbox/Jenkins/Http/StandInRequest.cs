using CiBridge.Sandbox.Jenkins.Json;
using CiBridge.Sandbox.Jenkins.Model;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace CiBridge.Sandbox.Jenkins.Http;

/// <summary>One request as the routes see it: caller, path segments, parameters, URLs.</summary>
internal sealed record StandInRequest(
    HttpContext Http,
    Caller Caller,
    IReadOnlyList<string> Segments,
    IReadOnlyDictionary<string, StringValues> Form,
    string RequestBase,
    JenkinsWorld World)
{
    public bool IsPost => HttpMethods.IsPost(Http.Request.Method);

    /// <summary>Root URL for JSON <c>url</c> fields: the configured one, else the request's.</summary>
    public string JsonRoot => World.Options.ConfiguredRootUrl?.ToString() is { } configured
        ? configured.EndsWith('/') ? configured : configured + "/"
        : RequestBase;

    public string? Query(string name) => Http.Request.Query.TryGetValue(name, out var value) ? value.ToString() : null;

    public JsonContext JsonContext => new(JsonRoot, Query("tree") is not null, World);

    public bool CanRead => !World.Options.UseSecurity || (Caller.User?.CanRead ?? World.Options.AnonymousRead);

    public bool CanBuild => !World.Options.UseSecurity || Caller.User is { CanBuild: true, CanRead: true };

    /// <summary>Renders JSON, applying <c>tree=</c>; a malformed tree is a 500 as in Stapler.</summary>
    public Reply Json(System.Text.Json.Nodes.JsonNode json)
    {
        if (Query("depth") is { } depth && !int.TryParse(depth, System.Globalization.CultureInfo.InvariantCulture, out _))
        {
            return Reply.Oops(500, $"java.lang.NumberFormatException: For input string: \"{depth}\"");
        }
        if (Query("tree") is not { } tree) return Reply.Ok(json);
        try
        {
            return Reply.Ok(TreeFilter.Parse(tree).Apply(json)!);
        }
        catch (FormatException e)
        {
            return Reply.Oops(500, e.Message);
        }
    }
}
