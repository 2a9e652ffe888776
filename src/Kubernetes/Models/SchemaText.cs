using System.Security.Cryptography;
using System.Text;

namespace CiBridge.Kubernetes.Models;

/// <summary>
/// Fits text the operator writes into the <c>maxLength</c> its schema declares, so that no write
/// can fail forever (422) on what a user or a server put into it. The API server counts
/// <c>maxLength</c> in Unicode characters, not UTF-16 units, and so does this.
/// </summary>
public static class SchemaText
{
    /// <summary>Ends every shortened value, so a reader can tell it was cut.</summary>
    public const string TruncationMarker = "…(truncated)";

    private const string DigestMarker = "…sha256:";
    private const int DigestHexLength = 16;

    /// <summary>The value itself when it fits, else its longest prefix that fits with the marker after it.</summary>
    public static string Fit(string value, int maxLength) =>
        Fits(value, maxLength) ? value : Prefix(value, maxLength - TruncationMarker.Length) + TruncationMarker;

    /// <summary>
    /// Like <see cref="Fit"/>, but a shortened value ends in a digest of the whole one, so two
    /// different long values stay different: for values compared later, such as a handled request.
    /// </summary>
    public static string FitDistinct(string value, int maxLength)
    {
        if (Fits(value, maxLength)) return value;
        var digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..DigestHexLength];
        return Prefix(value, maxLength - DigestMarker.Length - DigestHexLength) + DigestMarker + digest;
    }

    /// <summary>Fit for optional fields: null stays null.</summary>
    public static string? FitOptional(string? value, int maxLength) => value is null ? null : Fit(value, maxLength);

    private static bool Fits(string value, int maxLength) =>
        value.Length <= maxLength || CountCharacters(value) <= maxLength;

    private static int CountCharacters(string value) => value.EnumerateRunes().Count();

    /// <summary>The first <paramref name="characters"/> characters, never splitting a surrogate pair.</summary>
    private static string Prefix(string value, int characters)
    {
        var builder = new StringBuilder();
        foreach (var rune in value.EnumerateRunes().Take(Math.Max(0, characters))) builder.Append(rune.ToString());
        return builder.ToString();
    }
}
