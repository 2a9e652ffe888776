using System.Net.Sockets;
using System.Text;

namespace CiBridge.TestKit;

/// <summary>
/// Whether a Docker engine answers, found out quickly: one <c>GET /_ping</c> on DOCKER_HOST (or the
/// default socket) with a short deadline, so machines with only the docker CLI skip instead of hanging.
/// </summary>
public static class DockerEngine
{
    public const string SkipReason = "no Docker engine";

    private static readonly TimeSpan s_deadline = TimeSpan.FromSeconds(3);
    private static readonly Lazy<Task<bool>> s_reachable = new(PingAsync);

    public static Task<bool> IsReachableAsync() => s_reachable.Value;

    private static async Task<bool> PingAsync()
    {
        using var deadline = new CancellationTokenSource(s_deadline);
        try
        {
            using var socket = await ConnectAsync(Environment.GetEnvironmentVariable("DOCKER_HOST"), deadline.Token);
            if (socket is null) return false;
            await socket.SendAsync(Encoding.ASCII.GetBytes("GET /_ping HTTP/1.0\r\nHost: docker\r\n\r\n"), deadline.Token);
            var buffer = new byte[256];
            var read = await socket.ReceiveAsync(buffer, deadline.Token);
            return Encoding.ASCII.GetString(buffer, 0, read).Contains(" 200 ", StringComparison.Ordinal);
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException or IOException)
        {
            return false;
        }
    }

    private static async Task<Socket?> ConnectAsync(string? dockerHost, CancellationToken ct)
    {
        var host = string.IsNullOrEmpty(dockerHost) ? "unix:///var/run/docker.sock" : dockerHost;
        var uri = new Uri(host);
        if (uri.Scheme == "unix")
        {
            if (!File.Exists(uri.AbsolutePath)) return null;
            var unix = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            await unix.ConnectAsync(new UnixDomainSocketEndPoint(uri.AbsolutePath), ct);
            return unix;
        }
        if (uri.Scheme != "tcp") return null;
        var tcp = new Socket(SocketType.Stream, ProtocolType.Tcp);
        await tcp.ConnectAsync(uri.Host, uri.Port, ct);
        return tcp;
    }
}
