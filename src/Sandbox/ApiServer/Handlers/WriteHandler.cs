using System.Text.Json.Nodes;
using CiBridge.Sandbox.ApiServer.Builtins;
using CiBridge.Sandbox.ApiServer.Http;
using CiBridge.Sandbox.ApiServer.Patch;
using CiBridge.Sandbox.ApiServer.Resources;
using CiBridge.Sandbox.ApiServer.Storage;
using Microsoft.AspNetCore.Http;

namespace CiBridge.Sandbox.ApiServer.Handlers;

/// <summary>POST (create), PUT (update) and PATCH (merge, JSON, strategic, apply) of one object.</summary>
internal sealed class WriteHandler(ApiContext api, ServerSideApply apply)
{
    public async Task CreateAsync(HttpContext context, ResourceType type, string? ns)
    {
        RequestOptions.Validate(context, "CreateOptions");
        var body = await BodyReader.ReadObjectAsync(context, type);
        BuiltinDecoding.CheckBody(type, body);
        var obj = type.ToStorage(body);
        var bodyNs = ObjectMeta.String(obj, "namespace");
        if (type.Namespaced && bodyNs is { Length: > 0 } && bodyNs != ns)
        {
            throw StatusObjects.BadRequest("the namespace of the provided object does not match the namespace sent on the request");
        }
        var scope = Scope(context, type, ns, ObjectMeta.Name(obj), null);
        api.Fields.RecordUpdate(obj, null, scope);
        var created = await api.Objects.CreateAsync(scope, obj, context.RequestAborted);
        await Responses.WriteAsync(context, 201, type.FromStorage(created), scope.Warnings);
    }

    public async Task UpdateAsync(HttpContext context, ResourceType type, string? ns, string name, string? subresource)
    {
        RequestOptions.Validate(context, "UpdateOptions");
        var decoded = await BodyReader.ReadObjectAsync(context, type);
        BuiltinDecoding.CheckBody(type, decoded);
        var body = type.ToStorage(decoded);
        if (ObjectMeta.Name(body) != name)
        {
            throw StatusObjects.BadRequest($"the name of the object ({ObjectMeta.Name(body)}) does not match the name on the URL ({name})");
        }
        if (type.RequiresResourceVersionOnUpdate && ObjectMeta.String(body, "resourceVersion") is null or "")
        {
            throw RequestOptions.ResourceVersionRequired(type, name);
        }
        var scope = Scope(context, type, ns, name, subresource);
        var updated = await api.Objects.UpdateAsync(scope, old =>
        {
            var next = (JsonObject)body.DeepClone();
            api.Fields.RecordUpdate(next, old, scope);
            return next;
        }, context.RequestAborted);
        await Responses.WriteAsync(context, 200, type.FromStorage(updated), scope.Warnings);
    }

    public async Task PatchAsync(HttpContext context, ResourceType type, string? ns, string name, string? subresource)
    {
        var contentType = context.Request.ContentType ?? "";
        var applying = contentType.StartsWith("application/apply-patch", StringComparison.Ordinal);
        RequestOptions.Validate(context, "PatchOptions", applying);
        var text = await BodyReader.ReadTextAsync(context);
        var scope = Scope(context, type, ns, name, subresource);
        if (applying)
        {
            var (obj, code) = await apply.ApplyAsync(scope, BodyReader.Parse(text, contentType, yamlAllowed: true), Negotiation.Flag(context, "force"), context.RequestAborted);
            await Responses.WriteAsync(context, code, type.FromStorage(obj), scope.Warnings);
            return;
        }
        var patch = BodyReader.Parse(text, "application/json");
        var updated = await api.Objects.UpdateAsync(scope, old => type.ToStorage(Patched(contentType, type.FromStorage(old), patch, scope)), context.RequestAborted);
        await Responses.WriteAsync(context, 200, type.FromStorage(updated), scope.Warnings);
    }

    private JsonObject Patched(string contentType, JsonObject old, JsonNode? patch, RequestScope scope)
    {
        var original = (JsonObject)old.DeepClone();
        var rv = ObjectMeta.String(old, "resourceVersion");
        ObjectMeta.Of(old).Remove("resourceVersion");
        JsonNode? result = contentType switch
        {
            var c when c.StartsWith("application/merge-patch+json", StringComparison.Ordinal) => JsonMergePatch.Apply(old, patch),
            var c when c.StartsWith("application/strategic-merge-patch+json", StringComparison.Ordinal) && !scope.Type.IsCustom => JsonMergePatch.Apply(old, patch, strategic: true),
            var c when c.StartsWith("application/json-patch+json", StringComparison.Ordinal) => JsonPatch.Apply(RestoreRv(old, rv), patch),
            _ => throw new ApiException(415, "UnsupportedMediaType",
                $"the body of the request was in an unknown format - accepted media types include: {string.Join(", ", scope.Type.PatchContentTypes)}"),
        };
        if (result is not JsonObject next) throw StatusObjects.BadRequest("the patch did not produce an object");
        BuiltinDecoding.CheckPatched(scope.Type, next);
        if (ObjectMeta.String(next, "resourceVersion") is null) ObjectMeta.Of(next).Remove("resourceVersion");
        api.Fields.RecordUpdate(next, original, scope);
        return next;
    }

    private static JsonObject RestoreRv(JsonObject obj, string? rv)
    {
        ObjectMeta.Of(obj)["resourceVersion"] = rv;
        return obj;
    }

    public static RequestScope Scope(HttpContext context, ResourceType type, string? ns, string? name, string? subresource)
    {
        var scope = new RequestScope(type, type.Namespaced ? ns : null, name, subresource)
        {
            DryRun = Negotiation.DryRun(context),
            FieldManager = Negotiation.Query(context, "fieldManager") ?? DefaultManager(context),
            FieldValidation = Negotiation.Query(context, "fieldValidation") ?? "Warn",
        };
        DuplicateFields.Report(context, scope);
        return scope;
    }

    private static string DefaultManager(HttpContext context)
    {
        var agent = context.Request.Headers.UserAgent.ToString();
        var slash = agent.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 ? agent[..slash] : agent.Length > 0 ? agent : "unknown";
    }
}
