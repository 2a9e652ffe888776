using System.Text;

namespace CiBridge.Sandbox.Jenkins.Model;

/// <summary>Jenkins' <c>Util.rawEncode</c> for URL path segments: letters, digits and
/// <c>-_.!~*'()</c> stay, everything else is percent-encoded UTF-8 (a space becomes <c>%20</c>).</summary>
internal static class RawEncoding
{
    public static string Encode(string segment)
    {
        var text = new StringBuilder(segment.Length);
        foreach (var b in Encoding.UTF8.GetBytes(segment))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || "-_.!~*'()".Contains(c, StringComparison.Ordinal)) text.Append(c);
            else text.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }
        return text.ToString();
    }
}
