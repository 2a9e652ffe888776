using System.Text.RegularExpressions;
using CiBridge.Entities.Validation;
using CiBridge.Kubernetes.Controllers;
using CiBridge.Kubernetes.Models;

namespace CiBridge.Operator.Configuration;

/// <summary>
/// Reads the approved list from the ConfigMap the chart renders: key <see cref="Key"/>, one kind per
/// line (commas also separate; <c>#</c> starts a comment). A value that is not a list of kind names
/// is reported, never half-applied.
/// </summary>
public static partial class ApprovedProvidersConfigMap
{
    public const string Key = "approvedProviders";

    /// <summary>Reads <c>NAME</c> or <c>NAMESPACE/NAME</c>; a bare name lives in <paramref name="defaultNamespace"/>.</summary>
    public static ObjectKey Reference(string text, string defaultNamespace)
    {
        var key = ObjectKey.Parse(text.Trim());
        if (key.Name.Length == 0 || key.Namespace is "") throw new ArgumentException($"--approved-providers-configmap must be NAME or NAMESPACE/NAME, not '{text}'");
        return key.Namespace is null ? key with { Namespace = defaultNamespace } : key;
    }

    /// <summary>The list the ConfigMap holds, or a message that says what is wrong with it.</summary>
    public static (ApprovedProviders? List, string? Problem) Read(ConfigMap configMap)
    {
        var where = $"ConfigMap {ObjectKey.Of(configMap)}";
        if (configMap.Data?.GetValueOrDefault(Key) is not { } value) return (null, $"{where} has no key \"{Key}\"");
        var kinds = value.Split('\n')
            .Select(line => line.Split('#')[0])
            .SelectMany(line => line.Split(','))
            .Select(kind => kind.Trim().TrimStart('-').Trim())
            .Where(kind => kind.Length > 0)
            .ToList();
        var wrong = kinds.FirstOrDefault(kind => !KindName().IsMatch(kind));
        return wrong is null
            ? (new ApprovedProviders(kinds), null)
            : (null, $"{where} key \"{Key}\": \"{wrong}\" is not a kind name (one per line, CamelCase like JenkinsEndpoint)");
    }

    [GeneratedRegex("^[A-Z][A-Za-z0-9]{0,62}$")]
    private static partial Regex KindName();
}
