using System.Globalization;
using System.Text.Json.Nodes;

namespace CiBridge.Sandbox.ApiServer.Storage;

/// <summary>
/// core/v1 Event timestamps as kube stores them: <c>firstTimestamp</c> and <c>lastTimestamp</c> are
/// metav1.Time, serialized in whole seconds (RFC 3339 without a fraction); <c>eventTime</c> and
/// <c>series.lastObservedTime</c> are MicroTime and keep their microseconds.
/// </summary>
internal static class EventTimes
{
    private static readonly string[] s_secondFields = ["firstTimestamp", "lastTimestamp"];

    public static void Normalize(JsonObject storedEvent)
    {
        foreach (var field in s_secondFields)
        {
            if (storedEvent[field]?.GetValueKind() != System.Text.Json.JsonValueKind.String) continue;
            if (WholeSeconds(storedEvent[field]!.GetValue<string>()) is { } truncated) storedEvent[field] = truncated;
        }
    }

    /// <summary>The time truncated to whole seconds in UTC, or null when the text is no RFC 3339 time (validation reports it).</summary>
    private static string? WholeSeconds(string text)
    {
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)) return null;
        var utc = time.UtcDateTime;
        return new DateTime(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
    }
}
