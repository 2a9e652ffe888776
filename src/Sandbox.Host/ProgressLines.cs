using System.Globalization;

namespace CiBridge.Sandbox.Host;

/// <summary>
/// Turns two snapshots of the sandbox's objects into timestamped lines: one per object that
/// appeared or changed, one per object deleted, none when nothing changed.
/// </summary>
internal static class ProgressLines
{
    public static IReadOnlyList<string> Diff(
        IReadOnlyDictionary<string, ProgressState> before,
        IReadOnlyList<KeyValuePair<string, ProgressState>> after,
        DateTimeOffset now)
    {
        var time = now.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        var lines = new List<string>();
        foreach (var (key, state) in after)
        {
            if (!before.TryGetValue(key, out var previous) || previous != state) lines.Add($"{time} {key}: {state}");
        }
        var present = after.Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var key in before.Keys.Where(k => !present.Contains(k)).Order(StringComparer.Ordinal))
        {
            lines.Add($"{time} {key}: deleted");
        }
        return lines;
    }
}
