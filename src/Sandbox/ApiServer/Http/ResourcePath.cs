namespace CiBridge.Sandbox.ApiServer.Http;

/// <summary>
/// A request path under <c>/api/v1</c> or <c>/apis/{group}/{version}</c> split into namespace,
/// resource, name and subresource, following kube-apiserver's URL layout.
/// </summary>
internal sealed record ResourcePath(string Group, string Version, string? Namespace, string Resource, string? Name, string? Subresource)
{
    /// <summary>Parses the segments after the group/version prefix; null when they address no resource.</summary>
    public static ResourcePath? Parse(string group, string version, string[] s)
    {
        if (s.Length == 0) return null;
        if (s[0] == "namespaces" && s.Length >= 3 && !(s.Length == 3 && s[2] is "status" or "finalize"))
        {
            return s.Length switch
            {
                3 => new(group, version, s[1], s[2], null, null),
                4 => new(group, version, s[1], s[2], s[3], null),
                5 => new(group, version, s[1], s[2], s[3], s[4]),
                _ => null,
            };
        }
        return s.Length switch
        {
            1 => new(group, version, null, s[0], null, null),
            2 => new(group, version, null, s[0], s[1], null),
            3 => new(group, version, null, s[0], s[1], s[2]),
            _ => null,
        };
    }
}
