using System.Globalization;
using System.Text;

namespace CiBridge.Jenkins.Http;

/// <summary>Reads a response into a <see cref="JenkinsResponse"/>, keeping at most a bounded body.</summary>
internal static class ResponseReader
{
    public static async Task<JenkinsResponse> ReadAsync(HttpResponseMessage message, int maxBytes, CancellationToken ct)
    {
        var (body, truncated) = await ReadBoundedAsync(message.Content, maxBytes, ct);
        return new JenkinsResponse(
            (int)message.StatusCode,
            body,
            truncated,
            Header(message, "X-Jenkins"),
            message.Headers.Location,
            long.TryParse(Header(message, "X-Text-Size"), NumberStyles.None, CultureInfo.InvariantCulture, out var size) ? size : null,
            string.Equals(Header(message, "X-More-Data"), "true", StringComparison.OrdinalIgnoreCase),
            Header(message, "X-Required-Permission"));
    }

    private static string? Header(HttpResponseMessage message, string name) =>
        message.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static async Task<(string Body, bool Truncated)> ReadBoundedAsync(HttpContent content, int maxBytes, CancellationToken ct)
    {
        await using var stream = await content.ReadAsStreamAsync(ct);
        var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct)) > 0)
        {
            var room = maxBytes - (int)buffer.Length;
            if (read > room)
            {
                buffer.Write(chunk, 0, Math.Max(0, room));
                return (Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length), true);
            }
            buffer.Write(chunk, 0, read);
        }
        return (Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length), false);
    }
}
