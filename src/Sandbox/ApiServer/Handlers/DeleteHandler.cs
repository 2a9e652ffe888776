using System.Text.Json.Nodes;
using CiBridge.Sandbox.ApiServer.Http;
using CiBridge.Sandbox.ApiServer.Resources;
using CiBridge.Sandbox.ApiServer.Storage;
using CiBridge.Sandbox.ApiServer.Watch;
using Microsoft.AspNetCore.Http;

namespace CiBridge.Sandbox.ApiServer.Handlers;

/// <summary>DELETE of one object (with preconditions) or of a collection (with selectors).</summary>
internal sealed class DeleteHandler(ApiContext api)
{
    public async Task DeleteAsync(HttpContext context, ResourceType type, string? ns, string name)
    {
        var options = await ReadOptionsAsync(context);
        var scope = WriteHandler.Scope(context, type, ns, name, null) with { DryRun = options.DryRun };
        var result = await api.Objects.DeleteAsync(scope, options, context.RequestAborted);
        if (!result.Removed)
        {
            await Responses.WriteAsync(context, 200, type.FromStorage(result.Object));
            return;
        }
        await Responses.WriteAsync(context, 200, StatusObjects.Success(type, name, ObjectMeta.Uid(result.Object)));
    }

    public async Task DeleteCollectionAsync(HttpContext context, ResourceType type, string? ns)
    {
        var options = await ReadOptionsAsync(context);
        var filter = ListHandler.Filter(context, type);
        var (items, rv) = api.Store.List(type.StorageKey, ns, o => filter(ObjectSummary.Of(o)));
        var deleted = new JsonArray();
        foreach (var item in items)
        {
            var scope = WriteHandler.Scope(context, type, ObjectMeta.String(item, "namespace"), ObjectMeta.Name(item), null) with { DryRun = options.DryRun };
            try
            {
                deleted.Add(type.FromStorage((await api.Objects.DeleteAsync(scope, options, context.RequestAborted)).Object));
            }
            catch (ApiException e) when (e.Code == 404)
            {
                // deleted concurrently
            }
        }
        await Responses.WriteAsync(context, 200, new JsonObject
        {
            ["kind"] = type.ListKind,
            ["apiVersion"] = type.ApiVersion,
            ["metadata"] = new JsonObject { ["resourceVersion"] = rv.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            ["items"] = deleted,
        });
    }

    private static async Task<DeleteOptions> ReadOptionsAsync(HttpContext context)
    {
        var text = await BodyReader.ReadTextAsync(context);
        var body = string.IsNullOrWhiteSpace(text) ? null : BodyReader.Parse(text, "application/json") as JsonObject;
        // kubectl delete --dry-run=server sends dryRun in the DeleteOptions body, not the query.
        var bodyDryRun = (body?["dryRun"] as JsonArray ?? []).Select(v => v?.ToString() ?? "").ToList();
        RequestOptions.Validate(context, "DeleteOptions", bodyDryRun: bodyDryRun);
        var policy = body?["propagationPolicy"]?.ToString() ?? Negotiation.Query(context, "propagationPolicy") ?? "Background";
        if (JsonNumbers.AsBool(body?["orphanDependents"]) == true) policy = "Orphan";
        if (policy is not ("Background" or "Foreground" or "Orphan"))
        {
            throw StatusObjects.BadRequest($"DeleteOptions.meta.k8s.io \"\" is invalid: propagationPolicy: Unsupported value: \"{policy}\": supported values: \"Foreground\", \"Background\", \"Orphan\", \"nil\"");
        }
        return new DeleteOptions(
            body?["preconditions"]?["uid"]?.ToString(),
            body?["preconditions"]?["resourceVersion"]?.ToString(),
            policy,
            Negotiation.DryRun(context) || bodyDryRun.Contains("All"));
    }
}
