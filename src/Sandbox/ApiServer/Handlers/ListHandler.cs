using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using CiBridge.Sandbox.ApiServer.Http;
using CiBridge.Sandbox.ApiServer.Resources;
using CiBridge.Sandbox.ApiServer.Selectors;
using CiBridge.Sandbox.ApiServer.Storage;
using CiBridge.Sandbox.ApiServer.Watch;
using Microsoft.AspNetCore.Http;

namespace CiBridge.Sandbox.ApiServer.Handlers;

/// <summary>GET of one object or of a list, with selectors, limit/continue and Table output.</summary>
internal sealed class ListHandler(ApiContext api)
{
    public async Task GetAsync(HttpContext context, ResourceType type, string? ns, string name)
    {
        var obj = type.FromStorage(api.Store.Get(type.StorageKey, ns, name) ?? throw StatusObjects.NotFound(type, name));
        obj["apiVersion"] = type.ApiVersion;
        if (Negotiation.WantsTable(context))
        {
            var meta = new JsonObject { ["resourceVersion"] = ObjectMeta.String(obj, "resourceVersion") };
            await Responses.WriteAsync(context, 200, api.Tables.Convert(type, [obj], meta, Negotiation.IncludeObject(context)));
            return;
        }
        await Responses.WriteAsync(context, 200, obj);
    }

    public async Task ListAsync(HttpContext context, ResourceType type, string? ns)
    {
        var filter = Filter(context, type);
        var (page, rv, next, remaining) = Page(context, type, ns, filter);
        var metadata = new JsonObject { ["resourceVersion"] = rv.ToString(CultureInfo.InvariantCulture) };
        if (next is not null)
        {
            metadata["continue"] = next;
            metadata["remainingItemCount"] = remaining;
        }
        page = [.. page.Select(type.FromStorage)];
        foreach (var item in page) item["apiVersion"] = type.ApiVersion;
        JsonNode body = Negotiation.WantsTable(context)
            ? api.Tables.Convert(type, page, metadata, Negotiation.IncludeObject(context))
            : new JsonObject
            {
                ["kind"] = type.ListKind,
                ["apiVersion"] = type.ApiVersion,
                ["metadata"] = metadata,
                ["items"] = new JsonArray([.. page]),
            };
        await Responses.WriteAsync(context, 200, body);
    }

    /// <summary>The label and field selectors of the request as one predicate.</summary>
    public static Func<ObjectSummary, bool> Filter(HttpContext context, ResourceType type)
    {
        var labels = LabelSelectors.Parse(Negotiation.Query(context, "labelSelector"));
        var fields = FieldSelector.Parse(Negotiation.Query(context, "fieldSelector"), type.Kind);
        return s => labels.Matches(s.Labels) && fields.Matches(s.Fields);
    }

    private (List<JsonObject> Page, long Rv, string? Next, long Remaining) Page(HttpContext context, ResourceType type, string? ns, Func<ObjectSummary, bool> filter)
    {
        string? after = null;
        long? pinnedRv = null;
        if (Negotiation.Query(context, "continue") is { Length: > 0 } token)
        {
            var (tokenRv, start) = DecodeToken(token);
            if (tokenRv < api.Store.OldestWatchable)
            {
                throw StatusObjects.Expired("The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter.");
            }
            (after, pinnedRv) = (start, tokenRv);
        }
        var limit = long.TryParse(Negotiation.Query(context, "limit"), NumberStyles.None, CultureInfo.InvariantCulture, out var l) && l > 0 ? l : long.MaxValue;
        var (page, rv, remaining) = api.Store.ListPage(type.StorageKey, ns, o => filter(ObjectSummary.Of(o)), after, limit);
        rv = pinnedRv ?? rv;
        return remaining == 0 || page.Count == 0 ? (page, rv, null, 0) : (page, rv, EncodeToken(rv, Key(page[^1])), remaining);
    }

    private static string Key(JsonObject obj) => $"{ObjectMeta.String(obj, "namespace")}/{ObjectMeta.Name(obj)}";

    private static string EncodeToken(long rv, string after) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(new JsonObject { ["v"] = "meta.k8s.io/v1", ["rv"] = rv, ["start"] = after }.ToJsonString()));

    private static (long Rv, string After) DecodeToken(string token)
    {
        try
        {
            var node = JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(token)));
            return (node!["rv"]!.GetValue<long>(), node["start"]!.GetValue<string>());
        }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException or NullReferenceException or InvalidOperationException)
        {
            throw StatusObjects.BadRequest("continue key is not valid: illegal base64 data at input byte 0");
        }
    }
}
