using System.Text;
using CiBridge.Entities.CiTasks;
using CiBridge.Entities.Conditions;
using CiBridge.Entities.Validation;
using CiBridge.Kubernetes.Client;
using CiBridge.Kubernetes.Controllers;
using CiBridge.Kubernetes.Models;
using CiBridge.Operator.Controllers.Shared;

namespace CiBridge.Operator.Controllers.Tasks;

/// <summary>The values to send, and which of them came from Secrets (to redact wherever text leaves us).</summary>
internal sealed record ResolvedParameters(IReadOnlyDictionary<string, string> Values, IReadOnlySet<string> SecretValues);

/// <summary>Reads each parameter's value: literal, or a key of a Secret or ConfigMap in the task's namespace.</summary>
internal sealed class ParameterResolver(IKubernetesReader cache)
{
    public async Task<(ResolvedParameters? Parameters, Failure? Failure)> ResolveAsync(CiTask task, CancellationToken ct)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var secrets = new HashSet<string>(StringComparer.Ordinal);
        foreach (var parameter in task.Spec.Parameters ?? [])
        {
            if (parameter.Value is { } literal)
            {
                values[parameter.Name] = literal;
                continue;
            }
            var (value, isSecret, where) = await ReadSourceAsync(task.Metadata.Namespace, parameter.ValueFrom!, ct);
            if (value is null)
            {
                return (null, Failure.NeedsUser(TaskReasons.ParameterSourceNotFound, $"parameter {parameter.Name}: {where} not found in namespace \"{task.Metadata.Namespace}\""));
            }
            if (ControlCharacters.Describe(value, allowLineBreaks: true) is { } found)
            {
                return (null, Failure.NeedsUser(TaskReasons.InvalidParameters, $"parameter {parameter.Name}: {where} holds a control character Jenkins cannot take{(isSecret ? "" : $" ({found})")}"));
            }
            values[parameter.Name] = value;
            if (isSecret && value.Length > 0) secrets.Add(value);
        }
        return (new ResolvedParameters(values, secrets), null);
    }

    private async Task<(string? Value, bool IsSecret, string Where)> ReadSourceAsync(string? ns, ParameterSource source, CancellationToken ct)
    {
        if (source.SecretKeyRef is { } secretRef)
        {
            var secret = await cache.GetAsync<Secret>(new ObjectKey(ns, secretRef.Name), ct);
            var bytes = secret?.Data?.GetValueOrDefault(secretRef.Key);
            return (bytes is null ? null : Encoding.UTF8.GetString(bytes), true, $"Secret \"{secretRef.Name}\" key \"{secretRef.Key}\"");
        }
        var mapRef = source.ConfigMapKeyRef!;
        var map = await cache.GetAsync<ConfigMap>(new ObjectKey(ns, mapRef.Name), ct);
        return (map?.Data?.GetValueOrDefault(mapRef.Key), false, $"ConfigMap \"{mapRef.Name}\" key \"{mapRef.Key}\"");
    }
}
