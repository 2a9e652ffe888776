using System.Text.Json.Nodes;
using CiBridge.Sandbox.ApiServer.Resources;

namespace CiBridge.Sandbox.ApiServer.Storage;

/// <summary>
/// Drops the fields kube's typed decoding would not keep: unknown keys of <c>metadata</c> (every
/// kind) and unknown top-level fields of the built-in kinds. Returns their paths, which
/// <c>fieldValidation</c> turns into warnings or a strict-decoding error.
/// </summary>
internal static class KnownFields
{
    private static readonly HashSet<string> s_metadata =
    [
        "name", "generateName", "namespace", "selfLink", "uid", "resourceVersion", "generation", "creationTimestamp",
        "deletionTimestamp", "deletionGracePeriodSeconds", "labels", "annotations", "ownerReferences", "finalizers", "managedFields",
    ];

    private static readonly Dictionary<string, HashSet<string>> s_topLevel = new(StringComparer.Ordinal)
    {
        ["/namespaces"] = ["spec", "status"],
        ["/secrets"] = ["data", "stringData", "type", "immutable"],
        ["/configmaps"] = ["data", "binaryData", "immutable"],
        ["/serviceaccounts"] = ["secrets", "imagePullSecrets", "automountServiceAccountToken"],
        ["/events"] =
        [
            "involvedObject", "reason", "message", "source", "firstTimestamp", "lastTimestamp", "count", "type", "eventTime",
            "series", "action", "related", "reportingComponent", "reportingInstance",
        ],
        ["events.k8s.io/events"] =
        [
            "eventTime", "series", "reportingController", "reportingInstance", "action", "reason", "regarding", "related", "note",
            "type", "deprecatedSource", "deprecatedFirstTimestamp", "deprecatedLastTimestamp", "deprecatedCount",
        ],
        ["coordination.k8s.io/leases"] = ["spec"],
        ["admissionregistration.k8s.io/validatingwebhookconfigurations"] = ["webhooks"],
        ["apiextensions.k8s.io/customresourcedefinitions"] = ["spec", "status"],
    };

    public static List<string> Prune(ResourceType type, JsonObject obj)
    {
        var pruned = new List<string>();
        if (obj["metadata"] is JsonObject metadata)
        {
            foreach (var key in metadata.Select(p => p.Key).Where(k => !s_metadata.Contains(k)).ToList())
            {
                metadata.Remove(key);
                pruned.Add("metadata." + key);
            }
        }
        if (type.IsCustom || !s_topLevel.TryGetValue(type.StorageKey, out var known)) return pruned;
        foreach (var key in obj.Select(p => p.Key).Where(k => k is not ("apiVersion" or "kind" or "metadata") && !known.Contains(k)).ToList())
        {
            obj.Remove(key);
            pruned.Add(key);
        }
        return pruned;
    }
}
