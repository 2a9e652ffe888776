using System.Text.Json.Nodes;
using CiBridge.Sandbox.ApiServer.Admission;
using CiBridge.Sandbox.ApiServer.Faults;
using CiBridge.Sandbox.ApiServer.Handlers;
using CiBridge.Sandbox.ApiServer.Http;
using CiBridge.Sandbox.ApiServer.Patch;
using CiBridge.Sandbox.ApiServer.Resources;
using CiBridge.Sandbox.ApiServer.Storage;
using CiBridge.Sandbox.ApiServer.Tables;

namespace CiBridge.Sandbox.ApiServer;

/// <summary>Wires the server's parts together (the composition root) and seeds the default namespaces.</summary>
internal sealed class ApiComposition
{
    private ApiComposition(ApiContext api, ApiPipeline pipeline, BackgroundWork background)
    {
        Api = api;
        Pipeline = pipeline;
        Background = background;
    }

    public ApiContext Api { get; }

    public ApiPipeline Pipeline { get; }

    public BackgroundWork Background { get; }

    public static ApiComposition Create(SandboxApiServerOptions options, string token, CancellationToken stopping)
    {
        var time = options.TimeProvider;
        var registry = new ResourceRegistry();
        var store = new ObjectStore(options.WatchHistorySize);
        var background = new BackgroundWork();
        var rules = new ObjectRules(time);
        var hooks = new StoreHooks(registry, store, background, rules);
        var objects = new ObjectService(store, rules, new WebhookAdmission(store, new WebhookClient(time)), hooks);
        hooks.Attach(objects);
        var fields = new ManagedFields(time);
        var api = new ApiContext(registry, objects, new TableConverter(new TableColumns(time)), fields, new RequestCounters(), time, options) { Stopping = stopping };
        var router = new ApiRouter(api, new ListHandler(api), new WatchHandler(api), new WriteHandler(api, new ServerSideApply(objects, fields)), new DeleteHandler(api));
        var composition = new ApiComposition(api, new ApiPipeline(token, router, new FaultMiddleware(options.Faults, api)), background);
        composition.SeedNamespaces();
        return composition;
    }

    /// <summary>Create-or-update of one object, as <c>kubectl apply</c> would leave it.</summary>
    public async Task ApplyOneAsync(JsonObject obj, CancellationToken ct)
    {
        var apiVersion = obj["apiVersion"]?.ToString() ?? "";
        var kind = obj["kind"]?.ToString() ?? "";
        var type = Api.Registry.FindKind(apiVersion, kind) ?? throw new InvalidOperationException($"no kind {kind} in {apiVersion} is served");
        var ns = type.Namespaced ? ObjectMeta.String(obj, "namespace") ?? "default" : null;
        var name = ObjectMeta.Name(obj);
        var scope = new RequestScope(type, ns, name, null) { FieldManager = "sandbox-apply" };
        if (Api.Store.Get(type.StorageKey, ns, name) is null)
        {
            Api.Fields.RecordUpdate(obj, null, scope);
            await Api.Objects.CreateAsync(scope, obj, ct);
            return;
        }
        await Api.Objects.UpdateAsync(scope, old =>
        {
            var next = (JsonObject)obj.DeepClone();
            ObjectMeta.Of(next)["resourceVersion"] = ObjectMeta.String(old, "resourceVersion");
            if (type.HasStatusSubresource && old["status"] is { } status) next["status"] = status.DeepClone();
            Api.Fields.RecordUpdate(next, old, scope);
            return next;
        }, ct);
    }

    private void SeedNamespaces()
    {
        foreach (var name in new[] { "default", "kube-system", "kube-public", "kube-node-lease" })
        {
            var ns = new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Namespace", ["metadata"] = new JsonObject { ["name"] = name } };
            Api.Objects.CreateAsync(new RequestScope(BuiltinResources.Namespaces, null, name, null), ns, CancellationToken.None).GetAwaiter().GetResult();
        }
    }
}
