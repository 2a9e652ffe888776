using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;

namespace CiBridge.Kubernetes.Configuration;

/// <summary>Reads the fields of a kubeconfig cluster and user into a <see cref="KubernetesClientConfiguration"/>.</summary>
internal static class KubeConfigEntries
{
    private static readonly string[] s_execApiVersions = ["client.authentication.k8s.io/v1", "client.authentication.k8s.io/v1beta1"];

    public static KubernetesClientConfiguration Build(Entry cluster, Entry? user, string ns, TimeProvider time)
    {
        var server = String(cluster, "server") ?? throw Error(cluster, "server", "required");
        if (!Uri.TryCreate(server, UriKind.Absolute, out var serverUri)) throw Error(cluster, "server", "not an absolute URL");
        var proxy = String(cluster, "proxy-url");
        if (Bool(cluster, "insecure-skip-tls-verify") && (String(cluster, "certificate-authority") ?? String(cluster, "certificate-authority-data")) is not null)
        {
            throw Error(cluster, "insecure-skip-tls-verify", "cannot be combined with a certificate authority");
        }
        return new KubernetesClientConfiguration
        {
            Server = serverUri,
            Namespace = ns,
            CertificateAuthority = Pem(cluster, "certificate-authority", "certificate-authority-data") is { } ca ? Certificates(cluster, ca) : null,
            InsecureSkipTlsVerify = Bool(cluster, "insecure-skip-tls-verify"),
            TlsServerName = String(cluster, "tls-server-name"),
            ProxyUrl = proxy is null ? null : Uri.TryCreate(proxy, UriKind.Absolute, out var p) ? p : throw Error(cluster, "proxy-url", "not an absolute URL"),
            ClientCertificate = user is null ? null : ClientCertificate(user),
            Credentials = user is null ? null : Credentials(user, time),
            Source = cluster.File,
        };
    }

    public static string? String(Entry entry, string key) => entry.Body[key] switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => throw Error(entry, key, "must be a string"),
    };

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static bool Bool(Entry entry, string key) => entry.Body[key] switch
    {
        null => false,
        JsonValue v when v.TryGetValue<bool>(out var b) => b,
        _ => throw Error(entry, key, "must be true or false"),
    };

    private static ICredentialSource? Credentials(Entry user, TimeProvider time)
    {
        if (user.Body["auth-provider"] is not null) throw Error(user, "auth-provider", "not supported; use an exec plugin");
        if (user.Body["username"] is not null) throw Error(user, "username", "basic authentication is not supported");
        if (String(user, "token") is { Length: > 0 } token) return new StaticTokenCredential(token);
        if (String(user, "tokenFile") is { Length: > 0 } tokenFile)
        {
            var path = Resolve(user, tokenFile);
            return File.Exists(path) ? new TokenFileCredential(path, time) : throw Error(user, "tokenFile", $"file {path} not found");
        }
        return user.Body["exec"] is null ? null : new ExecCredentialSource(Exec(user), time);
    }

    private static ExecPlugin Exec(Entry user)
    {
        if (user.Body["exec"] is not JsonObject body) throw Error(user, "exec", "must be a mapping");
        var exec = new Entry(body, user.File, $"{user.Field}.exec");
        var command = String(exec, "command") ?? throw Error(exec, "command", "required");
        if (command.Contains('/', StringComparison.Ordinal) && !Path.IsPathRooted(command)) command = Resolve(exec, command);
        var apiVersion = String(exec, "apiVersion") ?? throw Error(exec, "apiVersion", "required");
        if (!s_execApiVersions.Contains(apiVersion)) throw Error(exec, "apiVersion", $"\"{apiVersion}\" is not supported");
        var args = body["args"] is JsonArray a ? a.Select((x, i) => Text(x) ?? throw Error(exec, $"args[{i}]", "must be a string")).ToList() : [];
        var env = new Dictionary<string, string>();
        if (body["env"] is JsonArray variables)
        {
            for (var i = 0; i < variables.Count; i++)
            {
                var name = Text(variables[i]?["name"]) ?? throw Error(exec, $"env[{i}].name", "required and must be a string");
                env[name] = Text(variables[i]?["value"]) ?? "";
            }
        }
        return new ExecPlugin(exec.File, exec.Field, command, args, env, apiVersion);
    }

    private static X509Certificate2? ClientCertificate(Entry user)
    {
        var cert = Pem(user, "client-certificate", "client-certificate-data");
        var key = Pem(user, "client-key", "client-key-data");
        if (cert is null && key is null) return null;
        if (cert is null) throw Error(user, "client-certificate", "required with client-key");
        if (key is null) throw Error(user, "client-key", "required with client-certificate");
        try
        {
            return X509Certificate2.CreateFromPem(cert, key);
        }
        catch (CryptographicException e)
        {
            throw Error(user, "client-certificate", "the certificate and key do not form a valid pair", e);
        }
    }

    /// <summary>Reads PEM text from a <c>-data</c> field (base64) or a file field.</summary>
    private static string? Pem(Entry entry, string fileKey, string dataKey)
    {
        if (String(entry, dataKey) is { Length: > 0 } data)
        {
            try
            {
                return Encoding.UTF8.GetString(Convert.FromBase64String(data));
            }
            catch (FormatException e)
            {
                throw Error(entry, dataKey, "not valid base64", e);
            }
        }
        if (String(entry, fileKey) is not { Length: > 0 } file) return null;
        var path = Resolve(entry, file);
        return File.Exists(path) ? File.ReadAllText(path) : throw Error(entry, fileKey, $"file {path} not found");
    }

    private static X509Certificate2Collection Certificates(Entry cluster, string pem)
    {
        var certificates = new X509Certificate2Collection();
        try
        {
            certificates.ImportFromPem(pem);
        }
        catch (CryptographicException e)
        {
            throw Error(cluster, "certificate-authority", "not a PEM certificate bundle", e);
        }
        return certificates.Count > 0 ? certificates : throw Error(cluster, "certificate-authority", "holds no certificate");
    }

    private static string Resolve(Entry entry, string path) =>
        Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(entry.File)) ?? ".", path));

    private static KubeConfigException Error(Entry entry, string key, string problem, Exception? inner = null) =>
        new(entry.File, entry.Field.Length == 0 ? key : $"{entry.Field}.{key}", problem, inner);
}
