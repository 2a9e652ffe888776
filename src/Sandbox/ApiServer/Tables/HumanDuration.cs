using System.Globalization;

namespace CiBridge.Sandbox.ApiServer.Tables;

/// <summary>apimachinery's <c>duration.HumanDuration</c>: <c>5s</c>, <c>3m2s</c>, <c>4h</c>, <c>2d3h</c>, <c>3y</c>.</summary>
internal static class HumanDuration
{
    public static string Format(TimeSpan d)
    {
        var seconds = (long)d.TotalSeconds;
        if (seconds < -1) return "<invalid>";
        if (seconds < 0) return "0s";
        if (seconds < 120) return I($"{seconds}s");
        var minutes = seconds / 60;
        if (minutes < 10) return seconds % 60 == 0 ? I($"{minutes}m") : I($"{minutes}m{seconds % 60}s");
        if (minutes < 180) return I($"{minutes}m");
        var hours = minutes / 60;
        if (hours < 8) return minutes % 60 == 0 ? I($"{hours}h") : I($"{hours}h{minutes % 60}m");
        if (hours < 48) return I($"{hours}h");
        if (hours < 192) return hours % 24 == 0 ? I($"{hours / 24}d") : I($"{hours / 24}d{hours % 24}h");
        if (hours < 24 * 365 * 2) return I($"{hours / 24}d");
        if (hours < 24 * 365 * 8) return (hours / 24) % 365 == 0 ? I($"{hours / 24 / 365}y") : I($"{hours / 24 / 365}y{(hours / 24) % 365}d");
        return I($"{hours / 24 / 365}y");
    }

    private static string I(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
