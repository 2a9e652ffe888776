using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CiBridge.Sandbox.ApiServer.Http;
using CiBridge.Sandbox.ApiServer.Resources;

namespace CiBridge.Sandbox.ApiServer.Builtins;

/// <summary>
/// What kube's typed decoding rejects before any validation runs: a value of the wrong JSON type
/// (for every kind, custom ones too, in <c>metadata.labels</c> and <c>metadata.annotations</c>) and bad base64 in a <c>[]byte</c> field (Secret <c>data</c>, ConfigMap <c>binaryData</c>).
/// A request body that fails so is 400 <c>Secret in version "v1" cannot be handled as a Secret: …</c>;
/// the result of a patch is 422 on the field <c>patch</c>. Like Go, the first failure in document order wins.
/// </summary>
internal static class BuiltinDecoding
{
    private enum GoType { String, Bytes, Bool, Int32 }

    private sealed record TypedField(string Struct, string Path, GoType Type, bool IsMap);

    private static readonly string[] s_metadataMaps = ["metadata.labels", "metadata.annotations"];

    private static readonly Dictionary<string, TypedField[]> s_fields = new(StringComparer.Ordinal)
    {
        ["/secrets"] =
        [
            new("Secret", "data", GoType.Bytes, true), new("Secret", "stringData", GoType.String, true),
            new("Secret", "type", GoType.String, false), new("Secret", "immutable", GoType.Bool, false),
        ],
        ["/configmaps"] =
        [
            new("ConfigMap", "data", GoType.String, true), new("ConfigMap", "binaryData", GoType.Bytes, true),
            new("ConfigMap", "immutable", GoType.Bool, false),
        ],
        ["/serviceaccounts"] = [new("ServiceAccount", "automountServiceAccountToken", GoType.Bool, false)],
        ["/events"] =
        [
            new("Event", "reason", GoType.String, false), new("Event", "message", GoType.String, false), new("Event", "count", GoType.Int32, false),
            new("Event", "type", GoType.String, false), new("Event", "action", GoType.String, false),
            new("Event", "reportingComponent", GoType.String, false), new("Event", "reportingInstance", GoType.String, false),
        ],
        ["coordination.k8s.io/leases"] =
        [
            new("LeaseSpec", "spec.holderIdentity", GoType.String, false), new("LeaseSpec", "spec.leaseDurationSeconds", GoType.Int32, false),
            new("LeaseSpec", "spec.leaseTransitions", GoType.Int32, false), new("LeaseSpec", "spec.strategy", GoType.String, false),
            new("LeaseSpec", "spec.preferredHolder", GoType.String, false),
        ],
    };

    /// <summary>Rejects a request body kube could not decode (400).</summary>
    public static void CheckBody(ResourceType type, JsonObject obj)
    {
        if (FirstError(type, obj) is { } error)
        {
            throw StatusObjects.BadRequest($"{type.Kind} in version \"{type.Version}\" cannot be handled as a {type.Kind}: {error}");
        }
    }

    /// <summary>
    /// Rejects a patched object kube could not decode (422 on <c>patch</c>). kube quotes the whole
    /// patched object in the message; the sandbox leaves it out, as it may hold Secret data.
    /// </summary>
    public static void CheckPatched(ResourceType type, JsonObject obj)
    {
        if (FirstError(type, obj) is not { } error) return;
        var cause = new JsonObject { ["reason"] = "FieldValueInvalid", ["message"] = $"Invalid value: \"<patched object>\": {error}", ["field"] = "patch" };
        throw new ApiException(422, "Invalid", $" \"\" is invalid: patch: Invalid value: \"<patched object>\": {error}",
            new JsonObject { ["causes"] = new JsonArray(cause) });
    }

    private static string? FirstError(ResourceType type, JsonObject obj)
    {
        if (MetadataError(type, obj) is { } metadataError) return metadataError;
        // keyed by the API the client used: events.k8s.io/v1 Events are stored as core ones but decode as their own type
        if (type.IsCustom || !s_fields.TryGetValue($"{type.Group}/{type.Plural}", out var fields)) return null;
        var found = new List<(int Order, string Error)>();
        foreach (var field in fields)
        {
            var (parent, key) = Locate(obj, field.Path);
            if (parent?[key] is not { } value) continue;
            // every typed field of one kind sits in the same object, so its position orders them
            if (Check(field, value) is { } error) found.Add((parent.IndexOf(key), error));
        }
        return found.OrderBy(f => f.Order).Select(f => f.Error).FirstOrDefault();
    }

    /// <summary>Every kind's metadata decodes into ObjectMeta: labels and annotations are maps of strings.</summary>
    private static string? MetadataError(ResourceType type, JsonObject obj) =>
        s_metadataMaps
            .Select(path => Locate(obj, path) is ({ } parent, var key) && parent[key] is { } value ? Check(new TypedField(type.Kind, path, GoType.String, true), value) : null)
            .FirstOrDefault(e => e is not null);

    private static (JsonObject? Parent, string Key) Locate(JsonObject obj, string path)
    {
        var dot = path.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? (obj, path) : (obj[path[..dot]] as JsonObject, path[(dot + 1)..]);
    }

    private static string? Check(TypedField field, JsonNode value)
    {
        if (!field.IsMap) return CheckValue(field, value, GoName(field.Type));
        if (value is not JsonObject map) return Mismatch(field, value, $"map[string]{GoName(field.Type)}");
        return map.Select(entry => entry.Value is null ? null : CheckValue(field, entry.Value, GoName(field.Type))).FirstOrDefault(e => e is not null);
    }

    private static string? CheckValue(TypedField field, JsonNode value, string goType)
    {
        var kind = value.GetValueKind();
        return field.Type switch
        {
            GoType.String => kind == JsonValueKind.String ? null : Mismatch(field, value, goType),
            GoType.Bool => kind is JsonValueKind.True or JsonValueKind.False ? null : Mismatch(field, value, goType),
            GoType.Bytes when kind == JsonValueKind.String => GoBase64.Decode(value.GetValue<string>(), out var error) is null ? error : null,
            GoType.Int32 when kind == JsonValueKind.Number => IsInt32(value) ? null : $"json: cannot unmarshal number {value.ToJsonString()} into Go struct field {field.Struct}.{field.Path} of type int32",
            _ => Mismatch(field, value, goType),
        };
    }

    private static bool IsInt32(JsonNode value) => int.TryParse(value.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _);

    private static string Mismatch(TypedField field, JsonNode value, string goType) =>
        $"json: cannot unmarshal {GoKind(value.GetValueKind())} into Go struct field {field.Struct}.{field.Path} of type {goType}";

    private static string GoName(GoType type) => type switch
    {
        GoType.Bytes => "[]uint8",
        GoType.Bool => "bool",
        GoType.Int32 => "int32",
        _ => "string",
    };

    private static string GoKind(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        _ => "bool",
    };
}
