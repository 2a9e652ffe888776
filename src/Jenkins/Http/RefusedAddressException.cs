using System.Net;

namespace CiBridge.Jenkins.Http;

/// <summary>Every address a host resolved to is one the installation refuses to connect to.</summary>
internal sealed class RefusedAddressException(string host, IReadOnlyList<IPAddress> addresses)
    : IOException(addresses.Count == 0
        ? $"{host} resolved to no address"
        : $"{host} resolves to {string.Join(", ", addresses)}, which this installation refuses to connect to (link-local and cloud metadata addresses are refused by default)");
