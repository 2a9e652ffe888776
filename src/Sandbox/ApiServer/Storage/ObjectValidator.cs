using System.Text;
using System.Text.Json.Nodes;
using CiBridge.Sandbox.ApiServer.Builtins;
using CiBridge.Sandbox.ApiServer.Http;
using CiBridge.Sandbox.ApiServer.Resources;

namespace CiBridge.Sandbox.ApiServer.Storage;

/// <summary>Validation every kind gets (names, labels), the custom resource schema and the built-in kinds' own rules.</summary>
internal static class ObjectValidator
{
    /// <summary>Throws 422 with every failure; <paramref name="old"/> is the stored object on update, null on create.</summary>
    public static void Validate(RequestScope scope, JsonObject obj, JsonObject? old = null)
    {
        var errors = new List<(string, string, string)>();
        var name = ObjectMeta.Name(obj);
        if (scope.Type.IsCustom && obj["kind"]?.ToString() != scope.Type.Kind)
        {
            // apiextensions checks the type meta first and reports nothing else when it is wrong.
            throw StatusObjects.Invalid(scope.Type, name, [("kind", "FieldValueInvalid", $"Invalid value: \"{obj["kind"]}\": must be {scope.Type.Kind}")]);
        }
        if (name.Length == 0)
        {
            errors.Add(("metadata.name", "FieldValueRequired", "Required value: name or generateName is required"));
        }
        else
        {
            var label = scope.Type.Kind == "Namespace";
            foreach (var message in NameValidation.Check(name, label)) errors.Add(("metadata.name", "FieldValueInvalid", $"Invalid value: \"{name}\": {message}"));
        }
        CheckLabels(obj, errors);
        CheckAnnotationSize(obj, errors);
        errors.AddRange(FinalizerRules.Validate(scope.Type, obj));
        if (scope.Type.IsCustom)
        {
            foreach (var error in SchemaRules.Validate(obj, scope.Type.Schema)) errors.Add(error);
        }
        if (scope.Type == BuiltinResources.Crds) errors.AddRange(CrdValidation.Check(obj));
        errors.AddRange(BuiltinValidation.Validate(scope, obj, old));
        if (errors.Count > 0) throw StatusObjects.Invalid(scope.Type, name, errors);
    }

    /// <summary>apimachinery's TotalAnnotationSizeLimitB: keys and values together, in UTF-8 bytes.</summary>
    private const int TotalAnnotationBytes = 256 * 1024;

    private static void CheckAnnotationSize(JsonObject obj, List<(string, string, string)> errors)
    {
        if (obj["metadata"]?["annotations"] is not JsonObject annotations) return;
        var total = annotations.Sum(a => Encoding.UTF8.GetByteCount(a.Key) + Encoding.UTF8.GetByteCount(a.Value?.ToString() ?? ""));
        if (total > TotalAnnotationBytes)
        {
            errors.Add(("metadata.annotations", "FieldValueTooLong", $"Too long: may not be more than {TotalAnnotationBytes} bytes"));
        }
    }

    private static void CheckLabels(JsonObject obj, List<(string, string, string)> errors)
    {
        if (obj["metadata"]?["labels"] is not JsonObject labels) return;
        foreach (var (key, value) in labels)
        {
            var text = value?.ToString() ?? "";
            if (!NameValidation.IsLabelValue(text))
            {
                errors.Add(($"metadata.labels", "FieldValueInvalid",
                    $"Invalid value: \"{text}\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"));
            }
            _ = key;
        }
    }
}
