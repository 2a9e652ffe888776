using System.Text;
using CiBridge.Entities.Conditions;
using CiBridge.Entities.JenkinsEndpoints;
using CiBridge.Kubernetes.Models;

namespace CiBridge.Operator.Controllers.Shared;

/// <summary>
/// Reads <c>username</c>, <c>token</c> or <c>password</c>, and optional <c>headers</c> ("Name: value"
/// per line) from a credentials Secret. Problems name the key, never the value.
/// </summary>
internal sealed record SecretCredentials(string? UserName, string? Secret, IReadOnlyDictionary<string, string> Headers, Failure? Failure)
{
    public static SecretCredentials Parse(Secret secret, string authType)
    {
        var name = secret.Metadata.Name;
        var secretKey = authType == AuthTypes.Password ? "password" : "token";
        var user = Read(secret, "username");
        var value = Read(secret, secretKey);
        if (string.IsNullOrWhiteSpace(user) || string.IsNullOrEmpty(value))
        {
            var missing = string.IsNullOrWhiteSpace(user) ? "username" : secretKey;
            return Invalid($"Secret \"{name}\" has no key \"{missing}\" (authType {authType} needs username and {secretKey})");
        }
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var lines = (Read(secret, "headers") ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        for (var i = 0; i < lines.Length; i++)
        {
            var colon = lines[i].IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0) return Invalid($"Secret \"{name}\" key \"headers\", line {i + 1}: expected \"Name: value\"");
            var (header, headerValue) = (lines[i][..colon].Trim(), lines[i][(colon + 1)..].Trim());
            if (HeaderProblem(header, headerValue) is { } problem) return Invalid($"Secret \"{name}\" key \"headers\", line {i + 1}: {problem}");
            headers[header] = headerValue;
        }
        return new(user.Trim(), value, headers, null);
    }

    /// <summary>What HTTP cannot carry: a name that is not a token, a value outside visible ASCII (named, never shown).</summary>
    private static string? HeaderProblem(string header, string value)
    {
        if (!header.All(IsTokenCharacter)) return $"\"{header}\" is not a header name (letters, digits and !#$%&'*+-.^_`|~ only)";
        if (!value.All(c => c is '\t' or >= ' ' and <= '~')) return $"the value of header \"{header}\" holds a character HTTP headers cannot carry (only printable ASCII)";
        return null;
    }

    private static bool IsTokenCharacter(char c) => char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c);

    private static SecretCredentials Invalid(string message) =>
        new(null, null, new Dictionary<string, string>(), Failure.NeedsUser(EndpointReasons.InvalidSecret, message));

    private static string? Read(Secret secret, string key) =>
        secret.Data?.GetValueOrDefault(key) is { } bytes ? Encoding.UTF8.GetString(bytes)
        : secret.StringData?.GetValueOrDefault(key);
}
