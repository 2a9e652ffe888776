using System.Reflection;
using System.Text;
using CiBridge.Kubernetes.Crds;
using CiBridge.Kubernetes.Models;

namespace CiBridge.Kubernetes.Client;

/// <summary>Where a kind lives in the API, read from its <see cref="KubernetesEntityAttribute"/>.</summary>
internal sealed record ResourceInfo(string Group, string Version, string Kind, string Plural, bool Namespaced)
{
    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    public static ResourceInfo Of<T>() => Cache<T>.Info;

    /// <summary>The request path, for example <c>/apis/g/v1/namespaces/ns/things/name/status</c>.</summary>
    public string Path(string? ns, string? name = null, string? subresource = null)
    {
        var path = new StringBuilder(Group.Length == 0 ? "/api/v1" : $"/apis/{Group}/{Version}");
        if (Namespaced && !string.IsNullOrEmpty(ns)) path.Append("/namespaces/").Append(Uri.EscapeDataString(ns));
        path.Append('/').Append(Plural);
        if (name is not null) path.Append('/').Append(Uri.EscapeDataString(name));
        if (subresource is not null) path.Append('/').Append(subresource);
        return path.ToString();
    }

    /// <summary>Fills in apiVersion and kind, which list items of built-in kinds leave out.</summary>
    public void Stamp(IKubernetesObject obj)
    {
        if (string.IsNullOrEmpty(obj.ApiVersion)) obj.ApiVersion = ApiVersion;
        if (string.IsNullOrEmpty(obj.Kind)) obj.Kind = Kind;
    }

    private static class Cache<T>
    {
        public static readonly ResourceInfo Info = Read();

        private static ResourceInfo Read()
        {
            var entity = typeof(T).GetCustomAttribute<KubernetesEntityAttribute>()
                ?? throw new InvalidOperationException($"{typeof(T).Name} has no [KubernetesEntity] attribute");
            return new ResourceInfo(entity.Group, entity.Version, entity.Kind, entity.Plural, entity.Namespaced);
        }
    }
}
