using System.Globalization;
using System.Text.RegularExpressions;
using CiBridge.Kubernetes.Patterns;

namespace CiBridge.Entities.Validation;

/// <summary>Parses the Go-style durations of specs ("90s", "5m", "1h30m", "1.5h"): the one parser for them.</summary>
public static partial class GoDuration
{
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (string.IsNullOrEmpty(text) || !GoRegex.IsMatch(CiBridgeApi.DurationPattern, text)) return false;
        foreach (Match part in Part().Matches(text))
        {
            var amount = double.Parse(part.Groups["n"].Value, CultureInfo.InvariantCulture);
            duration += part.Groups["u"].Value switch
            {
                "ms" => TimeSpan.FromMilliseconds(amount),
                "s" => TimeSpan.FromSeconds(amount),
                "m" => TimeSpan.FromMinutes(amount),
                _ => TimeSpan.FromHours(amount),
            };
        }
        return true;
    }

    /// <summary>Writes a duration the way Go prints one, for status ("1m30s", "2h0m0s" becomes "2h").</summary>
    public static string Format(TimeSpan duration)
    {
        if (duration < TimeSpan.FromSeconds(1)) return $"{(long)duration.TotalMilliseconds}ms";
        var hours = (long)duration.TotalHours;
        var text = (hours > 0 ? $"{hours}h" : "")
            + (duration.Minutes > 0 ? $"{duration.Minutes}m" : "")
            + (duration.Seconds > 0 ? $"{duration.Seconds}s" : "");
        return text;
    }

    [GeneratedRegex(@"(?<n>[0-9]+(\.[0-9]+)?)(?<u>ms|s|m|h)", RegexOptions.CultureInvariant)]
    private static partial Regex Part();
}
