using System.Text;
using System.Text.Json.Nodes;

namespace CiBridge.Sandbox.ApiServer.Builtins;

/// <summary>
/// kube's <c>ValidateConfigMap</c>: keys of <c>data</c> and <c>binaryData</c> are config keys, a key
/// may not be in both, and both together hold at most 1 MiB (reported on the whole object).
/// </summary>
internal static class ConfigMapRules
{
    public static IEnumerable<(string, string, string)> Validate(JsonObject configMap)
    {
        var data = configMap["data"] as JsonObject ?? [];
        var binary = configMap["binaryData"] as JsonObject ?? [];
        var errors = new List<(string, string, string)>();
        long size = 0;
        foreach (var (key, value) in data)
        {
            errors.AddRange(NameValidationCauses.ConfigKey($"data[{key}]", key));
            if (binary.ContainsKey(key)) errors.Add(Causes.Invalid($"data[{key}]", key, "duplicate of key present in binaryData"));
            size += Encoding.UTF8.GetByteCount(value?.ToString() ?? "");
        }
        foreach (var (key, value) in binary)
        {
            errors.AddRange(NameValidationCauses.ConfigKey($"binaryData[{key}]", key));
            size += GoBase64.Decode(value?.ToString() ?? "", out _)?.Length ?? 0;
        }
        if (size > SecretRules.MaxBytes) errors.Add(Causes.TooLong("", SecretRules.MaxBytes));
        return errors;
    }
}
