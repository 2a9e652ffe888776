using System.Globalization;
using System.Text.RegularExpressions;
using CiBridge.Kubernetes.Patterns;

namespace CiBridge.Entities.Validation;

/// <summary>Parses the Go-style durations of specs ("90s", "5m", "1h30m", "1.5h"): the one parser for them.</summary>
public static partial class GoDuration
{
    /// <summary>
    /// The longest duration Go's <c>time.ParseDuration</c> accepts (int64 nanoseconds, about 292
    /// years); anything longer is not a duration, for the API server's tools and for us alike.
    /// </summary>
    public static readonly TimeSpan Maximum = TimeSpan.FromTicks(long.MaxValue / 100);

    /// <summary>False for text that is not a duration or is longer than <see cref="Maximum"/>; never throws.</summary>
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (string.IsNullOrEmpty(text) || !GoRegex.IsMatch(CiBridgeApi.DurationPattern, text)) return false;
        decimal ticks = 0;
        foreach (Match part in Part().Matches(text))
        {
            // decimal holds 28 digits; longer numbers cannot be a duration within Maximum anyway.
            if (!decimal.TryParse(part.Groups["n"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount)
                || amount > Maximum.Ticks)
            {
                return false;
            }
            ticks += amount * TicksPer(part.Groups["u"].Value);
            if (ticks > Maximum.Ticks) return false;
        }
        duration = TimeSpan.FromTicks((long)ticks);
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

    private static long TicksPer(string unit) => unit switch
    {
        "ms" => TimeSpan.TicksPerMillisecond,
        "s" => TimeSpan.TicksPerSecond,
        "m" => TimeSpan.TicksPerMinute,
        _ => TimeSpan.TicksPerHour,
    };

    [GeneratedRegex(@"(?<n>[0-9]+(\.[0-9]+)?)(?<u>ms|s|m|h)", RegexOptions.CultureInvariant)]
    private static partial Regex Part();
}
