using CiBridge.Operator.Controllers.Tasks;

namespace CiBridge.Operator.Cli.Cluster;

/// <summary>
/// Redacts secret values (as <see cref="ConsoleTail.Redact"/> does for Events) from text that
/// arrives in pieces: the end of each piece that could still be the start of a secret is held back
/// until the next piece or <see cref="Flush"/>, so a value split across two reads is still hidden.
/// </summary>
internal sealed class StreamRedactor(IReadOnlySet<string> secrets)
{
    private readonly int _holdBack = Math.Max(0, secrets.Select(s => s.Length).DefaultIfEmpty(0).Max() - 1);
    private string _pending = "";

    /// <summary>The redacted text that is safe to print now.</summary>
    public string Push(string text)
    {
        var buffer = _pending + text;
        var cut = CutOutsideSecrets(buffer, Math.Max(0, buffer.Length - _holdBack));
        _pending = buffer[cut..];
        return ConsoleTail.Redact(buffer[..cut], secrets);
    }

    /// <summary>Everything held back, redacted: the text has ended.</summary>
    public string Flush()
    {
        var rest = _pending;
        _pending = "";
        return ConsoleTail.Redact(rest, secrets);
    }

    /// <summary>Moves <paramref name="cut"/> past any secret that starts before it and ends after it.</summary>
    private int CutOutsideSecrets(string buffer, int cut)
    {
        var moved = true;
        while (moved)
        {
            moved = false;
            foreach (var secret in secrets.Where(s => s.Length > 0))
            {
                var from = Math.Max(0, cut - secret.Length + 1);
                var at = buffer.IndexOf(secret, from, StringComparison.Ordinal);
                if (at < 0 || at >= cut || at + secret.Length <= cut) continue;
                cut = at + secret.Length;
                moved = true;
            }
        }
        return cut;
    }
}
