using System.Net;

namespace CiBridge.Entities.Validation;

/// <summary>
/// Addresses an installation never lets an endpoint point at (operator option
/// <c>--refused-endpoint-networks</c>, Helm value <c>refusedEndpointNetworks</c>), so the operator
/// cannot be used to reach a cloud's instance metadata service or other link-local services. The
/// validator refuses literal addresses and well-known metadata host names; the Jenkins client
/// checks again after DNS resolution.
/// </summary>
public sealed class RefusedNetworks
{
    /// <summary>Link-local ranges and the metadata addresses of the big clouds.</summary>
    public static IReadOnlyList<string> DefaultCidrs { get; } =
    [
        "169.254.0.0/16",   // IPv4 link-local: AWS, GCP, Azure, OpenStack, DigitalOcean metadata at 169.254.169.254
        "fe80::/10",        // IPv6 link-local
        "fd00:ec2::254/128", // AWS instance metadata over IPv6
        "100.100.100.200/32", // Alibaba Cloud metadata
        "192.0.0.192/32",   // Oracle Cloud metadata
        "168.63.129.16/32", // Azure WireServer
    ];

    /// <summary>Host names of metadata services that resolve only inside the cloud.</summary>
    private static readonly HashSet<string> s_metadataHosts = new(StringComparer.OrdinalIgnoreCase) { "metadata.google.internal", "metadata.goog" };

    public static readonly RefusedNetworks Default = new(DefaultCidrs);

    public static readonly RefusedNetworks None = new([]);

    private readonly IPNetwork[] _networks;

    /// <summary>Throws <see cref="FormatException"/> naming an entry that is not an address or CIDR.</summary>
    public RefusedNetworks(IEnumerable<string> cidrs)
    {
        _networks = cidrs.Select(c => c.Trim()).Where(c => c.Length > 0).Select(Parse).ToArray();
    }

    public bool IsEmpty => _networks.Length == 0;

    /// <summary>IPv4 addresses written as IPv6 (<c>::ffff:169.254.169.254</c>) count as IPv4.</summary>
    public bool Contains(IPAddress address)
    {
        var plain = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return _networks.Any(n => n.Contains(plain));
    }

    /// <summary>Why a URL host is refused, or null when it is not.</summary>
    public string? Refuses(Uri url)
    {
        if (IsEmpty) return null;
        if (s_metadataHosts.Contains(url.IdnHost)) return $"{url.IdnHost} is a cloud metadata service";
        if (url.HostNameType is not (UriHostNameType.IPv4 or UriHostNameType.IPv6) || !IPAddress.TryParse(url.IdnHost.Trim('[', ']'), out var address)) return null;
        var network = _networks.FirstOrDefault(n => n.Contains(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address));
        return network == default ? null : $"{address} is in {network}, a link-local or cloud metadata range this installation refuses";
    }

    private static IPNetwork Parse(string cidr) =>
        IPNetwork.TryParse(cidr, out var network) ? network
        : IPAddress.TryParse(cidr, out var address) ? new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128)
        : throw new FormatException($"\"{cidr}\" is neither an IP address nor a CIDR range such as 169.254.0.0/16");
}
