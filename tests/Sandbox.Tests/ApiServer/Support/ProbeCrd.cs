using System.Text.Json.Nodes;
using CiBridge.TestKit;

namespace CiBridge.Sandbox.Tests.ApiServer.Support;

/// <summary>
/// A CRD made for fidelity contracts (group <c>fidelity.cibridge.dev</c>, kind Probe): string fields
/// with patterns that Go's regexp and .NET's judge differently, and numeric fields.
/// </summary>
internal static class ProbeCrd
{
    public const string Group = "/apis/fidelity.cibridge.dev/v1";

    private static readonly Dictionary<string, string> s_patterns = new(StringComparer.Ordinal)
    {
        ["lower"] = "^[a-z]+$",
        ["word"] = "^\\w+$",
        ["space"] = "^\\s$",
        ["digits"] = "^\\d+$",
        ["boundary"] = "\\bid\\b",
        ["one"] = "^.$",
    };

    public static string Probes(string ns) => $"{Group}/namespaces/{ns}/probes";

    public static async Task InstallAsync(ApiClient client)
    {
        var created = await client.PostAsync("/apis/apiextensions.k8s.io/v1/customresourcedefinitions", Definition("probes", "Probe", Spec()));
        if (created.Code is not (201 or 409)) throw new InvalidOperationException($"installing the probe CRD: {created}");
        await Eventually.HoldsAsync(() => client.GetAsync(Group), r => r.Code == 200 && r.Text.Contains("\"probes\"", StringComparison.Ordinal), "the probe CRD served");
    }

    public static JsonObject Probe(string name, JsonObject spec) => new()
    {
        ["apiVersion"] = "fidelity.cibridge.dev/v1",
        ["kind"] = "Probe",
        ["metadata"] = new JsonObject { ["name"] = name },
        ["spec"] = spec,
    };

    /// <summary>A CRD of group fidelity.cibridge.dev whose spec has the given properties.</summary>
    public static JsonObject Definition(string plural, string kind, JsonObject specProperties) => new()
    {
        ["apiVersion"] = "apiextensions.k8s.io/v1",
        ["kind"] = "CustomResourceDefinition",
        ["metadata"] = new JsonObject { ["name"] = $"{plural}.fidelity.cibridge.dev" },
        ["spec"] = new JsonObject
        {
            ["group"] = "fidelity.cibridge.dev",
            ["scope"] = "Namespaced",
            ["names"] = new JsonObject { ["plural"] = plural, ["singular"] = kind.ToLowerInvariant(), ["kind"] = kind, ["listKind"] = kind + "List" },
            ["versions"] = new JsonArray(new JsonObject
            {
                ["name"] = "v1",
                ["served"] = true,
                ["storage"] = true,
                ["schema"] = new JsonObject
                {
                    ["openAPIV3Schema"] = new JsonObject
                    {
                        ["type"] = "object",
                        ["properties"] = new JsonObject { ["spec"] = new JsonObject { ["type"] = "object", ["properties"] = specProperties } },
                    },
                },
            }),
        },
    };

    private static JsonObject Spec()
    {
        var properties = new JsonObject();
        foreach (var (name, pattern) in s_patterns) properties[name] = new JsonObject { ["type"] = "string", ["pattern"] = pattern };
        properties["count"] = new JsonObject { ["type"] = "integer" };
        properties["ratio"] = new JsonObject { ["type"] = "number" };
        properties["free"] = new JsonObject { ["type"] = "object", ["x-kubernetes-preserve-unknown-fields"] = true };
        return properties;
    }
}
