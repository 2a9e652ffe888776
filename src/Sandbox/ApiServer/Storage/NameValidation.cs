using System.Text.RegularExpressions;

namespace CiBridge.Sandbox.ApiServer.Storage;

/// <summary>kube's name rules (RFC 1123 subdomain and label) with apimachinery's messages; <c>\z</c> because Go's <c>$</c> is the end of the text.</summary>
internal static partial class NameValidation
{
    private const string SubdomainPattern = @"[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*";
    private const string LabelPattern = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";

    /// <summary>Error messages for <paramref name="name"/> as a DNS-1123 subdomain (or label); empty when valid.</summary>
    public static IReadOnlyList<string> Check(string name, bool label)
    {
        var errors = new List<string>();
        var max = label ? 63 : 253;
        if (name.Length > max) errors.Add($"must be no more than {max} characters");
        var ok = label ? Label().IsMatch(name) : Subdomain().IsMatch(name);
        if (!ok && label)
        {
            errors.Add("a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end "
                + $"with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '{LabelPattern}')");
        }
        else if (!ok)
        {
            errors.Add("a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start "
                + $"and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '{SubdomainPattern}')");
        }
        return errors;
    }

    /// <summary>Label keys and values: kube's qualified-name and label-value rules, simplified to the common cases.</summary>
    public static bool IsLabelValue(string value) => value.Length <= 63 && LabelValue().IsMatch(value);

    [GeneratedRegex("^" + SubdomainPattern + @"\z")]
    private static partial Regex Subdomain();

    [GeneratedRegex("^" + LabelPattern + @"\z")]
    private static partial Regex Label();

    [GeneratedRegex(@"^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?\z")]
    private static partial Regex LabelValue();
}
