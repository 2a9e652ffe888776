using System.Text.Json;
using System.Text.Json.Nodes;

namespace CiBridge.Sandbox.ApiServer.Builtins;

/// <summary>
/// kube's <c>ValidateSecret</c>/<c>ValidateSecretUpdate</c>: data keys are config keys, the decoded
/// data is at most 1 MiB, each built-in <c>type</c> needs its keys, and the type never changes.
/// Runs after <c>stringData</c> was merged into <c>data</c>, as in kube.
/// </summary>
internal static class SecretRules
{
    /// <summary>core.MaxSecretSize, which also bounds ConfigMaps.</summary>
    public const int MaxBytes = 1024 * 1024;

    private const string Redacted = "<secret contents redacted>";

    public static IEnumerable<(string, string, string)> Validate(JsonObject secret)
    {
        var data = secret["data"] as JsonObject ?? [];
        var decoded = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var errors = new List<(string, string, string)>();
        foreach (var (key, value) in data)
        {
            errors.AddRange(NameValidationCauses.ConfigKey($"data[{key}]", key));
            decoded[key] = GoBase64.Decode(value?.ToString() ?? "", out _) ?? [];
        }
        if (decoded.Values.Sum(v => (long)v.Length) > MaxBytes) errors.Add(Causes.TooLong("data", MaxBytes));
        errors.AddRange(TypeRules(secret, decoded));
        return errors;
    }

    public static IEnumerable<(string, string, string)> ValidateUpdate(JsonObject old, JsonObject next)
    {
        var type = next["type"]?.ToString() ?? "";
        if (type != (old["type"]?.ToString() ?? "")) yield return Causes.Immutable("type", type);
    }

    private static IEnumerable<(string, string, string)> TypeRules(JsonObject secret, Dictionary<string, byte[]> data)
    {
        switch (secret["type"]?.ToString() ?? "")
        {
            case "kubernetes.io/service-account-token":
                if ((secret["metadata"]?["annotations"]?["kubernetes.io/service-account.name"]?.ToString() ?? "").Length == 0)
                {
                    yield return Causes.Required("metadata.annotations[kubernetes.io/service-account.name]");
                }
                break;
            case "kubernetes.io/dockercfg":
                foreach (var error in JsonKey(data, ".dockercfg")) yield return error;
                break;
            case "kubernetes.io/dockerconfigjson":
                foreach (var error in JsonKey(data, ".dockerconfigjson")) yield return error;
                break;
            case "kubernetes.io/basic-auth" when !data.ContainsKey("username") && !data.ContainsKey("password"):
                yield return Causes.Required("data[username]");
                yield return Causes.Required("data[password]");
                break;
            case "kubernetes.io/ssh-auth" when data.GetValueOrDefault("ssh-privatekey") is not { Length: > 0 }:
                yield return Causes.Required("data[ssh-privatekey]");
                break;
            case "kubernetes.io/tls":
                if (!data.ContainsKey("tls.crt")) yield return Causes.Required("data[tls.crt]");
                if (!data.ContainsKey("tls.key")) yield return Causes.Required("data[tls.key]");
                break;
        }
    }

    /// <summary>The docker config types: the key must be there and hold a JSON object (kube unmarshals it into a map).</summary>
    private static IEnumerable<(string, string, string)> JsonKey(Dictionary<string, byte[]> data, string key)
    {
        if (!data.TryGetValue(key, out var bytes))
        {
            yield return Causes.Required($"data[{key}]");
            yield break;
        }
        if (GoJsonObjectError(bytes) is { } error) yield return Causes.Invalid($"data[{key}]", Redacted, error);
    }

    /// <summary>What Go's <c>json.Unmarshal</c> into a map says about <paramref name="bytes"/>, for the common cases; null when it is an object.</summary>
    private static string? GoJsonObjectError(byte[] bytes)
    {
        if (bytes.All(b => b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r')) return "unexpected end of JSON input";
        try
        {
            var kind = JsonDocument.Parse(bytes).RootElement.ValueKind;
            return kind switch
            {
                JsonValueKind.Object or JsonValueKind.Null => null,
                _ => $"json: cannot unmarshal {GoJsonKind(kind)} into Go value of type map[string]interface {{}}",
            };
        }
        catch (JsonException e)
        {
            return e.BytePositionInLine is { } position && position >= bytes.Length - 1
                ? "unexpected end of JSON input"
                : $"invalid JSON: {e.Message}";
        }
    }

    private static string GoJsonKind(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        _ => "bool",
    };
}
