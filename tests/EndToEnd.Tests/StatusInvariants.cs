using System.Text.Json;
using System.Text.RegularExpressions;
using CiBridge.Kubernetes.Client;
using CiBridge.Kubernetes.Models;

namespace CiBridge.EndToEnd.Tests;

/// <summary>What must hold after every scenario: the status contract of docs/api.md.</summary>
public static partial class StatusInvariants
{
    public static void AssertHold<T>(T obj, IReadOnlyList<Condition>? conditions, long? observedGeneration, JsonSerializerOptions json, params string[] secrets)
        where T : class, IKubernetesObject
    {
        var name = $"{obj.Kind} {obj.Metadata.Namespace}/{obj.Metadata.Name}";
        Assert.True(conditions?.Any(c => c.Type == "Ready") == true, $"{name} has no Ready condition");
        Assert.True(observedGeneration <= obj.Metadata.Generation, $"{name}: observedGeneration {observedGeneration} > generation {obj.Metadata.Generation}");
        foreach (var condition in conditions!)
        {
            Assert.True(PascalCase().IsMatch(condition.Reason), $"{name}: reason \"{condition.Reason}\" of {condition.Type} is not PascalCase");
        }
        var text = JsonSerializer.Serialize(obj, json.TypeInfo<T>());
        foreach (var secret in secrets) Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
    }

    [GeneratedRegex("^[A-Z][A-Za-z0-9]*$")]
    private static partial Regex PascalCase();
}
