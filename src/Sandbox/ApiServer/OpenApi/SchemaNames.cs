using CiBridge.Sandbox.ApiServer.Resources;

namespace CiBridge.Sandbox.ApiServer.OpenApi;

/// <summary>kube's OpenAPI definition names: <c>io.k8s.api.core.v1.Secret</c>, <c>dev.cibridge.v1alpha1.CiTask</c>.</summary>
internal static class SchemaNames
{
    public const string ObjectMeta = "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta";
    public const string ListMeta = "io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta";
    public const string Patch = "io.k8s.apimachinery.pkg.apis.meta.v1.Patch";

    public static string For(ResourceType type, bool list = false)
    {
        var kind = list ? type.ListKind : type.Kind;
        if (type.IsCustom) return $"{string.Join('.', type.Group.Split('.').Reverse())}.{type.Version}.{kind}";
        var group = type.Group.Length == 0 ? "core" : type.Group.Replace(".k8s.io", "", StringComparison.Ordinal);
        return type.Group == "apiextensions.k8s.io"
            ? $"io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.{type.Version}.{kind}"
            : $"io.k8s.api.{group}.{type.Version}.{kind}";
    }
}
