using System.Text.Json.Nodes;

namespace CiBridge.Sandbox.ApiServer.Storage;

/// <summary>Namespaces are in phase Active until deletion and carry their name as a label.</summary>
internal static class NamespaceStatus
{
    public static void Prepare(JsonObject ns)
    {
        if (ObjectMeta.IsDeleting(ns)) return;
        if (ns["spec"] is not JsonObject) ns["spec"] = new JsonObject();
        ns["status"] = new JsonObject { ["phase"] = "Active" };
        var labels = ObjectMeta.Of(ns)["labels"] as JsonObject ?? [];
        labels["kubernetes.io/metadata.name"] = ObjectMeta.Name(ns);
        ObjectMeta.Of(ns)["labels"] = labels;
    }
}
