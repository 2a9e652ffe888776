using System.Text.Json.Nodes;

namespace CiBridge.Sandbox.ApiServer.Storage;

/// <summary>Namespaces carry the <c>kubernetes</c> finalizer and phase Active until deletion.</summary>
internal static class NamespaceStatus
{
    public static void Prepare(JsonObject ns)
    {
        if (ObjectMeta.IsDeleting(ns)) return;
        if (ns["spec"] is not JsonObject spec) ns["spec"] = spec = [];
        if (spec["finalizers"] is null) spec["finalizers"] = new JsonArray("kubernetes");
        ns["status"] = new JsonObject { ["phase"] = "Active" };
        var labels = ObjectMeta.Of(ns)["labels"] as JsonObject ?? [];
        labels["kubernetes.io/metadata.name"] = ObjectMeta.Name(ns);
        ObjectMeta.Of(ns)["labels"] = labels;
    }
}
