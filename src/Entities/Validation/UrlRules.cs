namespace CiBridge.Entities.Validation;

/// <summary>What makes a server URL acceptable: absolute http(s), no credentials, query or fragment, not a refused address.</summary>
internal static class UrlRules
{
    public static void CheckServerUrl(string field, string? text, bool allowHttp, List<ValidationProblem> problems, RefusedNetworks? refused = null)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            problems.Add(new(field, "Required value"));
            return;
        }
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https") || url.Host.Length == 0)
        {
            problems.Add(new(field, $"\"{Shorten(text)}\" is not an absolute http:// or https:// URL"));
            return;
        }
        // Never echo a URL that carries credentials: the message would put them on status and in Events.
        if (url.UserInfo.Length > 0)
        {
            problems.Add(new(field, "must not contain a user name or password; put credentials in the Secret"));
        }
        if (url.Query.Length > 0 || url.Fragment.Length > 0)
        {
            problems.Add(new(field, "must not have a query or fragment"));
        }
        if ((refused ?? RefusedNetworks.Default).Refuses(url) is { } why)
        {
            problems.Add(new(field, $"must not point at a link-local or cloud metadata address: {why}"));
        }
        if (url.Scheme == "http" && !allowHttp)
        {
            problems.Add(new(field, "uses http://, which sends credentials in clear text; use https:// or set spec.allowInsecureHttp: true"));
        }
    }

    private static string Shorten(string text) => text.Length <= 100 ? text : text[..100] + "…";
}
