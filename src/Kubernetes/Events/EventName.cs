using System.Security.Cryptography;
using System.Text;

namespace CiBridge.Kubernetes.Events;

/// <summary>
/// Event names are "&lt;object name&gt;.&lt;unique suffix&gt;", as client-go names them. An object
/// name may be 253 characters long, so that form can exceed the 253 an Event name may have; then
/// the name is cut and its tail replaced by a short hash, which keeps names of different objects apart.
/// </summary>
internal static class EventName
{
    public const int MaxLength = 253;
    private const int HashLength = 10;

    public static string For(string? objectName, string suffix)
    {
        var name = objectName ?? "";
        if (name.Length + 1 + suffix.Length <= MaxLength) return $"{name}.{suffix}";
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)))[..HashLength];
        var keep = MaxLength - suffix.Length - HashLength - 2;
        // The hash (lowercase hex) follows the cut directly, so the name stays a valid DNS subdomain.
        return $"{name[..keep]}{hash}.{suffix}";
    }
}
