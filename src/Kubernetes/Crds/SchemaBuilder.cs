using System.Collections;
using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace CiBridge.Kubernetes.Crds;

/// <summary>
/// Turns C# property types and their attributes into a structural OpenAPI v3 schema, the way
/// controller-gen turns Go markers into one: DataAnnotations give <c>required</c>, <c>pattern</c>,
/// lengths and ranges, <see cref="DescriptionAttribute"/> the descriptions, <see cref="DefaultValueAttribute"/>
/// the defaults.
/// </summary>
internal static class SchemaBuilder
{
    public static string JsonName(PropertyInfo property) =>
        property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name);

    public static JsonObject ForProperty(PropertyInfo property)
    {
        var schema = ForType(property.PropertyType);
        var description = property.GetCustomAttribute<DescriptionAttribute>()?.Description;
        if (description is not null) schema["description"] = description;
        ApplyConstraints(schema, property);
        return Ordered(schema);
    }

    private static JsonObject ForType(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string)) return new JsonObject { ["type"] = "string" };
        if (type == typeof(bool)) return new JsonObject { ["type"] = "boolean" };
        if (type == typeof(int)) return new JsonObject { ["type"] = "integer", ["format"] = "int32" };
        if (type == typeof(long)) return new JsonObject { ["type"] = "integer", ["format"] = "int64" };
        if (type == typeof(double)) return new JsonObject { ["type"] = "number" };
        if (type == typeof(DateTimeOffset)) return new JsonObject { ["type"] = "string", ["format"] = "date-time" };
        if (DictionaryValueType(type) is { } valueType)
        {
            return new JsonObject { ["type"] = "object", ["additionalProperties"] = ForType(valueType) };
        }
        if (ItemType(type) is { } itemType)
        {
            return new JsonObject { ["type"] = "array", ["items"] = Ordered(ForType(itemType)) };
        }
        if (type.IsClass) return ForClass(type);
        throw new NotSupportedException($"no OpenAPI mapping for {type.Name}");
    }

    private static JsonObject ForClass(Type type)
    {
        var schema = new JsonObject();
        if (type.GetCustomAttribute<DescriptionAttribute>() is { } description)
        {
            schema["description"] = description.Description;
        }
        schema["type"] = "object";
        var properties = new JsonObject();
        var required = new JsonArray();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetCustomAttribute<JsonIgnoreAttribute>() is not null) continue;
            var name = JsonName(property);
            properties[name] = ForProperty(property);
            if (property.GetCustomAttribute<RequiredAttribute>() is not null) required.Add(name);
        }
        if (properties.Count > 0) schema["properties"] = properties;
        if (required.Count > 0) schema["required"] = required;
        return schema;
    }

    private static void ApplyConstraints(JsonObject schema, PropertyInfo property)
    {
        var isArray = schema["type"]?.GetValue<string>() == "array";
        var isMap = schema["type"]?.GetValue<string>() == "object" && schema.ContainsKey("additionalProperties");
        foreach (var attribute in property.GetCustomAttributes())
        {
            switch (attribute)
            {
                case DefaultValueAttribute d:
                    schema["default"] = JsonValue.Create(d.Value);
                    break;
                case AllowedValuesAttribute a:
                    schema["enum"] = new JsonArray([.. a.Values.Select(v => JsonValue.Create(v))]);
                    break;
                case RegularExpressionAttribute r:
                    schema["pattern"] = r.Pattern;
                    break;
                case MaxLengthAttribute m:
                    schema[isArray ? "maxItems" : isMap ? "maxProperties" : "maxLength"] = m.Length;
                    break;
                case MinLengthAttribute m:
                    schema[isArray ? "minItems" : isMap ? "minProperties" : "minLength"] = m.Length;
                    break;
                case RangeAttribute r:
                    SetBound(schema, "minimum", r.Minimum);
                    SetBound(schema, "maximum", r.Maximum);
                    break;
                case FormatAttribute f:
                    schema["format"] = f.Format;
                    break;
                case ListMapKeysAttribute l:
                    schema["x-kubernetes-list-type"] = "map";
                    schema["x-kubernetes-list-map-keys"] = new JsonArray([.. l.Keys.Select(k => (JsonNode)k)]);
                    break;
                case PreserveUnknownFieldsAttribute:
                    schema["x-kubernetes-preserve-unknown-fields"] = true;
                    break;
            }
        }
    }

    /// <summary>Writes a bound unless it is the whole range of a 64-bit integer (no bound at all).</summary>
    private static void SetBound(JsonObject schema, string name, object bound)
    {
        var value = Convert.ToDouble(bound, System.Globalization.CultureInfo.InvariantCulture);
        if (Math.Abs(value) >= long.MaxValue) return;
        schema[name] = value == Math.Floor(value) ? JsonValue.Create((long)value) : JsonValue.Create(value);
    }

    /// <summary>Puts keys in one fixed order (description first, then alphabetical) so output is stable.</summary>
    private static JsonObject Ordered(JsonObject schema)
    {
        var keys = schema.Select(p => p.Key).OrderBy(k => k == "description" ? "" : k, StringComparer.Ordinal).ToList();
        var ordered = new JsonObject();
        foreach (var key in keys)
        {
            var value = schema[key];
            schema.Remove(key);
            ordered[key] = value;
        }
        return ordered;
    }

    private static Type? DictionaryValueType(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() is var d
            && (d == typeof(Dictionary<,>) || d == typeof(IDictionary<,>) || d == typeof(IReadOnlyDictionary<,>))
            ? type.GetGenericArguments()[1]
            : null;

    private static Type? ItemType(Type type)
    {
        if (type.IsArray) return type.GetElementType();
        if (!type.IsGenericType || !typeof(IEnumerable).IsAssignableFrom(type)) return null;
        var definition = type.GetGenericTypeDefinition();
        return definition == typeof(List<>) || definition == typeof(IList<>) || definition == typeof(IReadOnlyList<>)
            ? type.GetGenericArguments()[0]
            : null;
    }
}
