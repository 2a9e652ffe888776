using CiBridge.Sandbox.ApiServer.Discovery;
using CiBridge.Sandbox.ApiServer.Handlers;
using CiBridge.Sandbox.ApiServer.OpenApi;
using Microsoft.AspNetCore.Http;

namespace CiBridge.Sandbox.ApiServer.Http;

/// <summary>Dispatches a request by path and method, the way kube-apiserver's mux does.</summary>
internal sealed class ApiRouter(ApiContext api, ListHandler reads, WatchHandler watches, WriteHandler writes, DeleteHandler deletes)
{
    public Task RouteAsync(HttpContext context)
    {
        var path = context.Request.Path.Value?.TrimEnd('/') ?? "";
        var s = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (context.Request.Method == "GET" && NonResource(context, path, s) is { } served) return served;
        if (s.Length >= 2 && s[0] == "api" && s[1] == "v1") return ResourceAsync(context, "", "v1", s[2..]);
        if (s.Length >= 3 && s[0] == "apis") return ResourceAsync(context, s[1], s[2], s[3..]);
        throw StatusObjects.PageNotFound();
    }

    private Task? NonResource(HttpContext context, string path, string[] s)
    {
        var all = api.Registry.All;
        return path switch
        {
            "/version" => Json(context, VersionInfo.Document()),
            "/healthz" or "/readyz" or "/livez" => Text(context, "ok"),
            "/sandbox/requests" => Json(context, api.Counters.ToJson()),
            "/api" when Negotiation.WantsAggregatedDiscovery(context) => Aggregated(context, core: true),
            "/apis" when Negotiation.WantsAggregatedDiscovery(context) => Aggregated(context, core: false),
            "/api" => Json(context, DiscoveryDocuments.ApiVersions()),
            "/apis" => Json(context, DiscoveryDocuments.GroupList(all)),
            "/openapi/v2" when WantsProtobufOnly(context) => Bytes(context, OpenApiV2Protobuf.EmptyDocument(), OpenApiV2Protobuf.ContentType),
            "/openapi/v2" => Json(context, OpenApiDocuments.Swagger(all)),
            "/openapi/v3" => Json(context, OpenApiDocuments.Index(all)),
            _ when s.Length == 2 && s[0] == "api" => Json(context, DiscoveryDocuments.ResourceList(all, "", s[1]) ?? throw StatusObjects.PageNotFound()),
            _ when s.Length == 2 && s[0] == "apis" => Json(context, DiscoveryDocuments.GroupDocument(all, s[1]) ?? throw StatusObjects.PageNotFound()),
            _ when s.Length == 3 && s[0] == "apis" => Json(context, DiscoveryDocuments.ResourceList(all, s[1], s[2]) ?? throw StatusObjects.PageNotFound()),
            _ when s.Length >= 3 && s[0] == "openapi" && s[1] == "v3" => OpenApiV3(context, string.Join('/', s[2..])),
            _ => null,
        };
    }

    private Task OpenApiV3(HttpContext context, string groupVersion)
    {
        var resources = api.Registry.All.Where(r => OpenApiDocuments.GroupVersionPath(r) == groupVersion).ToList();
        if (resources.Count == 0) throw StatusObjects.PageNotFound();
        return Json(context, OpenApiDocuments.GroupVersion(resources));
    }

    private Task ResourceAsync(HttpContext context, string group, string version, string[] rest)
    {
        var target = ResourcePath.Parse(group, version, rest) ?? throw StatusObjects.PageNotFound();
        var type = api.Registry.Find(group, version, target.Resource) ?? throw StatusObjects.PageNotFound();
        if (target.Namespace is not null && !type.Namespaced) throw StatusObjects.PageNotFound();
        if (target.Subresource is not null && !(target.Subresource == "status" && type.HasStatusSubresource)
            && !(target.Subresource == "finalize" && type.Kind == "Namespace"))
        {
            throw StatusObjects.PageNotFound();
        }
        var method = context.Request.Method;
        var verb = Verb(context, method, target.Name is not null);
        api.Counters.Count(verb, target.Subresource is null ? type.QualifiedResource : $"{type.QualifiedResource}/{target.Subresource}");
        var (ns, name, sub) = (target.Namespace, target.Name, target.Subresource);
        return verb switch
        {
            "get" => reads.GetAsync(context, type, ns, name!),
            "list" => reads.ListAsync(context, type, ns),
            "watch" => watches.WatchAsync(context, type, ns),
            "create" when name is null => writes.CreateAsync(context, type, ns),
            "update" => writes.UpdateAsync(context, type, ns, name!, sub),
            "patch" => writes.PatchAsync(context, type, ns, name!, sub),
            "delete" when sub is null => deletes.DeleteAsync(context, type, ns, name!),
            "deletecollection" => deletes.DeleteCollectionAsync(context, type, ns),
            _ => throw StatusObjects.MethodNotAllowed(),
        };
    }

    /// <summary>The kube verb of a request (fault rules match on it too).</summary>
    internal static string Verb(HttpContext context, string method, bool named) => method switch
    {
        "GET" when Negotiation.Flag(context, "watch") => "watch",
        "GET" => named ? "get" : "list",
        "POST" => "create",
        "PUT" when named => "update",
        "PATCH" when named => "patch",
        "DELETE" => named ? "delete" : "deletecollection",
        _ => "unsupported",
    };

    private static Task Json(HttpContext context, System.Text.Json.Nodes.JsonNode body) => Responses.WriteAsync(context, 200, body);

    private Task Aggregated(HttpContext context, bool core)
    {
        context.Response.Headers.Vary = "Accept";
        return WriteWithContentTypeAsync(context, AggregatedDiscovery.Build(api.Registry.All, core));
    }

    private static async Task WriteWithContentTypeAsync(HttpContext context, System.Text.Json.Nodes.JsonNode body)
    {
        await Responses.WriteAsync(context, 200, body, contentType: AggregatedDiscovery.ContentType);
    }

    private static bool WantsProtobufOnly(HttpContext context)
    {
        var accept = context.Request.Headers.Accept.ToString();
        return accept.Contains("protobuf", StringComparison.Ordinal) && !accept.Contains("json", StringComparison.Ordinal);
    }

    private static async Task Bytes(HttpContext context, byte[] body, string contentType)
    {
        context.Response.ContentType = contentType;
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted);
    }

    private static Task Text(HttpContext context, string text)
    {
        context.Response.ContentType = "text/plain";
        return context.Response.WriteAsync(text, context.RequestAborted);
    }
}
