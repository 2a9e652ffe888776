using System.Globalization;

namespace CiBridge.Sandbox.Jenkins.Model;

/// <summary>Jenkins' <c>Util.getTimeSpanString</c>, roughly: "4.9 sec", "52 sec", "1 min 5 sec".</summary>
internal static class TimeSpans
{
    public static string Describe(TimeSpan span)
    {
        if (span <= TimeSpan.Zero) return "0 ms";
        if (span < TimeSpan.FromSeconds(1)) return ((int)span.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) + " ms";
        if (span < TimeSpan.FromSeconds(10)) return span.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " sec";
        if (span < TimeSpan.FromMinutes(1)) return ((int)span.TotalSeconds).ToString(CultureInfo.InvariantCulture) + " sec";
        return string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalMinutes} min {span.Seconds} sec");
    }
}
