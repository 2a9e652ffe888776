using CiBridge.Sandbox.ApiServer.Storage;

namespace CiBridge.Sandbox.ApiServer.Builtins;

/// <summary>The name rules of <see cref="NameValidation"/> as field causes, one per broken rule, as kube lists them.</summary>
internal static class NameValidationCauses
{
    public static IEnumerable<(string, string, string)> ConfigKey(string field, string key) =>
        NameValidation.CheckConfigKey(key).Select(message => Causes.Invalid(field, key, message));

    public static IEnumerable<(string, string, string)> QualifiedName(string field, string value) =>
        NameValidation.CheckQualifiedName(value).Select(message => Causes.Invalid(field, value, message));
}
