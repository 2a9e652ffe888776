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

    private const string ConfigKeyPattern = "[-._a-zA-Z0-9]+";
    private const string QualifiedNamePattern = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
    private const string QualifiedNameRule = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";

    /// <summary>apimachinery's <c>IsConfigMapKey</c>: keys of Secret and ConfigMap data; empty when valid.</summary>
    public static IReadOnlyList<string> CheckConfigKey(string key)
    {
        var errors = new List<string>();
        if (key.Length > 253) errors.Add("must be no more than 253 characters");
        if (!ConfigKey().IsMatch(key))
        {
            errors.Add("a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', "
                + $"regex used for validation is '{ConfigKeyPattern}')");
        }
        if (key == ".") errors.Add("must not be '.'");
        else if (key == "..") errors.Add("must not be '..'");
        else if (key.StartsWith("..", StringComparison.Ordinal)) errors.Add("must not start with '..'");
        return errors;
    }

    /// <summary>apimachinery's <c>IsQualifiedName</c> (label keys, finalizers, controller names): an optional DNS subdomain prefix and '/', then a name.</summary>
    public static IReadOnlyList<string> CheckQualifiedName(string value)
    {
        var errors = new List<string>();
        var parts = value.Split('/');
        if (parts.Length > 2)
        {
            errors.Add($"a qualified name {QualifiedNameRule} (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '{QualifiedNamePattern}') "
                + "with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')");
            return errors;
        }
        if (parts.Length == 2 && parts[0].Length == 0) errors.Add("prefix part must be non-empty");
        else if (parts.Length == 2) errors.AddRange(Check(parts[0], label: false).Select(m => "prefix part " + m));
        var name = parts[^1];
        if (name.Length == 0) errors.Add("name part must be non-empty");
        else if (name.Length > 63) errors.Add("name part must be no more than 63 characters");
        if (!QualifiedName().IsMatch(name))
        {
            errors.Add($"name part {QualifiedNameRule} (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '{QualifiedNamePattern}')");
        }
        return errors;
    }

    [GeneratedRegex("^" + ConfigKeyPattern + @"\z")]
    private static partial Regex ConfigKey();

    [GeneratedRegex("^" + QualifiedNamePattern + @"\z")]
    private static partial Regex QualifiedName();

    [GeneratedRegex("^" + SubdomainPattern + @"\z")]
    private static partial Regex Subdomain();

    [GeneratedRegex("^" + LabelPattern + @"\z")]
    private static partial Regex Label();

    [GeneratedRegex(@"^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?\z")]
    private static partial Regex LabelValue();
}
