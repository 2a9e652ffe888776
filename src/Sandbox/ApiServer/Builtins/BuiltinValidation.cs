using System.Text.Json.Nodes;
using CiBridge.Sandbox.ApiServer.Resources;
using CiBridge.Sandbox.ApiServer.Storage;

namespace CiBridge.Sandbox.ApiServer.Builtins;

/// <summary>
/// The kind-specific part of kube's validation of built-in kinds, on the stored shape: what each
/// kind's <c>validation.go</c> checks beyond object metadata. Update rules come first, as in kube.
/// </summary>
internal static class BuiltinValidation
{
    public static IEnumerable<(string, string, string)> Validate(RequestScope scope, JsonObject obj, JsonObject? old)
    {
        var type = scope.Type;
        if (type.IsCustom) return [];
        var updateErrors = old is null ? [] : UpdateRules(type, old, obj);
        IEnumerable<(string, string, string)> errors = type.StorageKey switch
        {
            "/secrets" => SecretRules.Validate(obj),
            "/configmaps" => ConfigMapRules.Validate(obj),
            "/events" => EventRules.Validate(obj, strictCreate: old is null && type.Group == "events.k8s.io"),
            "/namespaces" when old is null || scope.Subresource == "finalize" => NamespaceRules.Validate(obj, indexed: old is not null),
            "coordination.k8s.io/leases" => LeaseRules.Validate(obj),
            _ => [],
        };
        return [.. updateErrors, .. errors];
    }

    private static IEnumerable<(string, string, string)> UpdateRules(ResourceType type, JsonObject old, JsonObject next) => type.StorageKey switch
    {
        "/secrets" => [.. SecretRules.ValidateUpdate(old, next), .. ImmutableData.Check(type, old, next)],
        "/configmaps" => ImmutableData.Check(type, old, next),
        _ => [],
    };
}
