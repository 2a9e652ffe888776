using System.CommandLine;
using CiBridge.Jenkins;

namespace CiBridge.Operator.Cli;

/// <summary>The options every <c>jenkins</c> verb shares, and how they become endpoint settings.</summary>
internal sealed class JenkinsConnectionOptions
{
    public Option<string> Url { get; } = new("--url") { Description = "Jenkins base URL, path prefix included (https://ci.example.com/jenkins/).", Required = true };
    public Option<string> User { get; } = new("--user") { Description = "Jenkins user id.", Required = true };
    public Option<FileInfo?> TokenFile { get; } = new("--token-file") { Description = "File holding the user's API token (Token auth)." };
    public Option<FileInfo?> PasswordFile { get; } = new("--password-file") { Description = "File holding the user's password (Password auth, uses CSRF crumbs)." };
    public Option<string[]> Headers { get; } = new("--header") { Description = "Extra header K=V sent on every request (repeatable), e.g. Cloudflare Access tokens." };
    public Option<FileInfo?> CaFile { get; } = new("--ca-file") { Description = "PEM file with CA certificates to trust." };
    public Option<bool> Insecure { get; } = new("--insecure-skip-tls-verify") { Description = "Accept any TLS certificate (testing only)." };
    public Option<string?> Proxy { get; } = new("--proxy") { Description = "HTTP proxy URL." };
    public Option<double> Timeout { get; } = new("--timeout") { Description = "Seconds to wait for each request.", DefaultValueFactory = _ => 30 };
    public Option<string> Output { get; } = new("--output", "-o") { Description = "Output format: text (default) or json.", DefaultValueFactory = _ => "text" };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Url, User, TokenFile, PasswordFile, Headers, CaFile, Insecure, Proxy, Timeout, Output })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>True for <c>-o json</c>, false for text; any other format is a usage mistake.</summary>
    /// <remarks>Checked here rather than by the parser, whose error prints the whole help and exits 1.</remarks>
    public bool Json(ParseResult result) => result.GetValue(Output) switch
    {
        "json" => true,
        "text" => false,
        var other => throw new CliUsageException($"--output must be text or json, not '{other}'"),
    };

    /// <summary>Builds the settings; a user mistake throws <see cref="CliUsageException"/> with a clear message.</summary>
    public JenkinsEndpointSettings Settings(ParseResult result)
    {
        var tokenFile = result.GetValue(TokenFile);
        var passwordFile = result.GetValue(PasswordFile);
        if (tokenFile is null == (passwordFile is null))
        {
            throw new CliUsageException("give exactly one of --token-file or --password-file");
        }
        var url = HttpUrl(result.GetValue(Url), "--url")!;
        return new JenkinsEndpointSettings
        {
            BaseUrl = url,
            UserName = result.GetValue(User)!,
            AuthType = tokenFile is not null ? JenkinsAuthType.Token : JenkinsAuthType.Password,
            Secret = ReadSecret(tokenFile ?? passwordFile!),
            Headers = Pairs(result.GetValue(Headers), "--header"),
            CaBundlePem = result.GetValue(CaFile) is { } ca ? ReadFile(ca) : null,
            InsecureSkipTlsVerify = result.GetValue(Insecure),
            Proxy = HttpUrl(result.GetValue(Proxy), "--proxy"),
            Options = new JenkinsClientOptions { RequestTimeout = TimeSpan.FromSeconds(Math.Max(0.1, result.GetValue(Timeout))), ReadRetries = 1 },
        };
    }

    private static Uri? HttpUrl(string? text, string option)
    {
        if (text is null) return null;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            throw new CliUsageException($"{option} must be an http(s) URL, not '{text}'");
        }
        return url;
    }

    /// <summary>Parses K=V pairs; names are kept, values may contain '='.</summary>
    public static Dictionary<string, string> Pairs(string[]? items, string option)
    {
        var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in items ?? [])
        {
            var equals = item.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0) throw new CliUsageException($"{option} expects NAME=VALUE, got '{item.Split('=')[0]}…'");
            pairs[item[..equals].Trim()] = item[(equals + 1)..];
        }
        return pairs;
    }

    private static string ReadSecret(FileInfo file)
    {
        var secret = ReadFile(file).Trim();
        return secret.Length > 0 ? secret : throw new CliUsageException($"{file.Name} is empty");
    }

    private static string ReadFile(FileInfo file)
    {
        try
        {
            return File.ReadAllText(file.FullName);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliUsageException($"cannot read {file.FullName}: {e.Message}");
        }
    }
}
