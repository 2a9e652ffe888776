using System.Net;
using System.Net.Sockets;

namespace CiBridge.Jenkins.Http;

/// <summary>
/// The connect step of the endpoint's handler when the installation refuses some addresses: the
/// host name is resolved here and only addresses the check lets through are dialled, so a DNS name
/// that resolves to a cloud metadata address is refused as a literal one would be. With an HTTP
/// proxy the proxy's own address is what is checked (the proxy resolves the target).
/// </summary>
internal static class GuardedConnect
{
    public static Func<SocketsHttpConnectionContext, CancellationToken, ValueTask<Stream>> Create(Func<IPAddress, bool> refused) =>
        async (context, ct) =>
        {
            var host = context.DnsEndPoint.Host;
            var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);
            var allowed = addresses.Where(a => !refused(a.IsIPv4MappedToIPv6 ? a.MapToIPv4() : a)).ToArray();
            if (allowed.Length == 0) throw new RefusedAddressException(host, addresses);
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        };
}
