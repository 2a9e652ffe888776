using CiBridge.Jenkins;

namespace CiBridge.Operator.Controllers.Tasks;

/// <summary>
/// The last lines of a failed build's console, for the Event that tells the user why: bounded,
/// with every Secret-sourced parameter value replaced by <c>***</c>. Reading it never fails a reconcile.
/// </summary>
internal static class ConsoleTail
{
    public const int MaxLines = 15;
    public const int MaxCharacters = 800;

    public static async Task<string?> ReadAsync(IJenkinsClient client, string job, int build, IReadOnlySet<string> secrets, CancellationToken ct)
    {
        try
        {
            var chunk = await client.ReadConsoleAsync(job, build, 0, ct);
            return Tail(Redact(chunk.Text, secrets));
        }
        catch (Jenkins.Errors.JenkinsException)
        {
            return null;
        }
    }

    public static string Redact(string text, IReadOnlySet<string> secrets) =>
        secrets.Where(s => s.Length > 0).OrderByDescending(s => s.Length)
            .Aggregate(text, (current, secret) => current.Replace(secret, "***", StringComparison.Ordinal));

    private static string Tail(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n');
        var tail = string.Join("\n", lines.TakeLast(MaxLines));
        return tail.Length <= MaxCharacters ? tail : "…" + tail[^MaxCharacters..];
    }
}
