namespace CiBridge.Operator.Cli.Cluster;

/// <summary>The kinds the cluster verbs act on, with the names kubectl accepts for them.</summary>
internal enum CliKind
{
    JenkinsEndpoint,
    CiTask,
}

/// <summary>
/// Parses <c>KIND/NAME</c> as kubectl does: <c>je/NAME</c>, <c>jenkinsendpoint/NAME</c> (or the
/// plural) for an endpoint, <c>ct/NAME</c>, <c>citask/NAME</c> (or the plural) for a task.
/// Anything else is a usage error that names what the verb expects.
/// </summary>
internal static class ObjectArgument
{
    private static readonly Dictionary<string, CliKind> s_kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["je"] = CliKind.JenkinsEndpoint,
        ["jenkinsendpoint"] = CliKind.JenkinsEndpoint,
        ["jenkinsendpoints"] = CliKind.JenkinsEndpoint,
        ["ct"] = CliKind.CiTask,
        ["citask"] = CliKind.CiTask,
        ["citasks"] = CliKind.CiTask,
    };

    /// <summary>The name in <paramref name="text"/>, which must name an object of <paramref name="expected"/>.</summary>
    public static string Name(string? text, CliKind expected)
    {
        var forms = expected == CliKind.CiTask ? "ct/NAME or citask/NAME" : "je/NAME or jenkinsendpoint/NAME";
        var slash = text?.IndexOf('/', StringComparison.Ordinal) ?? -1;
        if (text is null || slash <= 0 || slash == text.Length - 1 || text.IndexOf('/', slash + 1) >= 0)
        {
            throw new CliUsageException($"expected {forms}, got '{text}'");
        }
        if (!s_kinds.TryGetValue(text[..slash], out var kind))
        {
            throw new CliUsageException($"unknown kind '{text[..slash]}' in '{text}': expected {forms}");
        }
        if (kind != expected)
        {
            throw new CliUsageException($"'{text}' is a {kind}; this command takes {forms}");
        }
        return text[(slash + 1)..];
    }
}
