using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using CiBridge.Kubernetes.Configuration;
using Microsoft.Extensions.Time.Testing;

namespace CiBridge.Kubernetes.Tests.Configuration;

public sealed class KubeConfigTests : IDisposable
{
    private static readonly CancellationToken s_ct = TestContext.Current.CancellationToken;
    private readonly string _dir = Directory.CreateTempSubdirectory("kubeconfig-").FullName;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static Func<string, string?> Env(params (string Name, string Value)[] values) =>
        name => values.FirstOrDefault(v => v.Name == name).Value;

    private static string Config(string user, string cluster = "server: https://127.0.0.1:6443", string context = "") => $"""
        apiVersion: v1
        kind: Config
        current-context: dev
        clusters:
        - name: c1
          cluster:
            {cluster}
        users:
        - name: u1
          user:
        {user}
        contexts:
        - name: dev
          context: {"{"}cluster: c1, user: u1, namespace: team-a{"}"}
        {context}
        """;

    private KubernetesClientConfiguration Load(string path, string? context = null) =>
        KubernetesConfig.LoadKubeConfig(new KubeConfigOptions { Path = path, Context = context, Environment = Env() }, _time);

    [Fact]
    public async Task Token_IsSentAsIs()
    {
        var config = Load(Write("config", Config("    token: abc123")));

        Assert.Equal(new Uri("https://127.0.0.1:6443"), config.Server);
        Assert.Equal("team-a", config.Namespace);
        Assert.Equal("abc123", await config.Credentials!.GetTokenAsync(s_ct));
    }

    [Fact]
    public async Task TokenFile_IsResolvedRelativeToTheKubeconfigAndReread()
    {
        Write("token", "first\n");
        var config = Load(Write("config", Config("    tokenFile: token")));
        Assert.Equal("first", await config.Credentials!.GetTokenAsync(s_ct));

        Write("token", "rotated");
        Assert.Equal("first", await config.Credentials.GetTokenAsync(s_ct));
        _time.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal("rotated", await config.Credentials.GetTokenAsync(s_ct));
    }

    [Fact]
    public void ClientCertificate_FilesAndData_LoadWithPrivateKey()
    {
        var (certPem, keyPem) = SelfSigned();
        Write("client.crt", certPem);
        Write("client.key", keyPem);
        var fromFiles = Load(Write("a", Config("    client-certificate: client.crt\n    client-key: client.key")));
        var fromData = Load(Write("b", Config(
            $"    client-certificate-data: {B64(certPem)}\n    client-key-data: {B64(keyPem)}",
            cluster: $"server: https://127.0.0.1:6443\n    certificate-authority-data: {B64(certPem)}\n    tls-server-name: kube.local\n    proxy-url: http://127.0.0.1:3128")));

        Assert.True(fromFiles.ClientCertificate!.HasPrivateKey);
        Assert.True(fromData.ClientCertificate!.HasPrivateKey);
        Assert.Single(fromData.CertificateAuthority!);
        Assert.Equal("kube.local", fromData.TlsServerName);
        Assert.Equal(new Uri("http://127.0.0.1:3128"), fromData.ProxyUrl);
        Assert.Null(fromData.Credentials);
    }

    [Fact]
    public async Task Exec_RunsPluginOnceUntilTokenExpires()
    {
        var counter = Path.Combine(_dir, "runs");
        var script = Write("plugin.sh", $$$"""
            #!/bin/bash
            echo x >> "{{{counter}}}"
            n=$(wc -l < "{{{counter}}}")
            [ "$KUBERNETES_EXEC_INFO" != "" ] || exit 3
            echo "{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\",\"status\":{\"token\":\"tok-$n-$PLUGIN_ARG-$1\",\"expirationTimestamp\":\"2026-01-01T01:00:00Z\"}}"
            """);
        MakeExecutable(script);
        var config = Load(Write("config", Config("""
                exec:
                  apiVersion: client.authentication.k8s.io/v1
                  command: ./plugin.sh
                  args: [arg1]
                  env: [{name: PLUGIN_ARG, value: env1}]
                  interactiveMode: Never
            """)));

        Assert.Equal("tok-1-env1-arg1", await config.Credentials!.GetTokenAsync(s_ct));
        _time.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal("tok-1-env1-arg1", await config.Credentials.GetTokenAsync(s_ct));
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal("tok-2-env1-arg1", await config.Credentials.GetTokenAsync(s_ct));
        config.Credentials.Invalidate();
        Assert.Equal("tok-3-env1-arg1", await config.Credentials.GetTokenAsync(s_ct));
    }

    [Fact]
    public async Task Exec_FailingPlugin_NamesFileAndField()
    {
        var script = Write("fail.sh", "#!/bin/bash\necho 'credentials expired' >&2\nexit 2\n");
        MakeExecutable(script);
        var path = Write("config", Config($"    exec: {{apiVersion: client.authentication.k8s.io/v1, command: {script}}}"));

        var error = await Assert.ThrowsAsync<KubeConfigException>(async () => await Load(path).Credentials!.GetTokenAsync(s_ct));

        Assert.Equal(path, error.File);
        Assert.Equal("users[name=u1].user.exec.command", error.Field);
        Assert.Contains("code 2: credentials expired", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kubeconfig_SeveralFiles_MergeFirstWins_AndContextOverride()
    {
        var first = Write("first", """
            current-context: prod
            clusters: [{name: c1, cluster: {server: "https://127.0.0.1:1"}}]
            users: [{name: u1, user: {token: first}}]
            """);
        var second = Write("second", Config("    token: second", context: """
            - name: prod
              context: {cluster: c1, user: u1}
            """));
        var env = Env(("KUBECONFIG", $"{first}:{Path.Combine(_dir, "missing")}:{second}"));

        var merged = KubernetesConfig.LoadKubeConfig(new KubeConfigOptions { Environment = env }, _time);
        var dev = KubernetesConfig.LoadKubeConfig(new KubeConfigOptions { Environment = env, Context = "dev", Namespace = "other" }, _time);

        Assert.Equal(new Uri("https://127.0.0.1:1"), merged.Server);
        Assert.Equal("default", merged.Namespace);
        Assert.Equal("first", await merged.Credentials!.GetTokenAsync(s_ct));
        Assert.Equal("other", dev.Namespace);
    }

    [Theory]
    [InlineData("missing server", "clusters: [{name: c1, cluster: {}}]\ncontexts: [{name: x, context: {cluster: c1}}]\ncurrent-context: x", "clusters[name=c1].cluster.server")]
    [InlineData("unknown cluster", "contexts: [{name: x, context: {cluster: nope}}]\ncurrent-context: x", "contexts[name=x].context.cluster")]
    [InlineData("no current context", "clusters: []", "current-context")]
    [InlineData("bad CA data", "clusters: [{name: c1, cluster: {server: 'https://h', certificate-authority-data: '!!'}}]\ncontexts: [{name: x, context: {cluster: c1}}]\ncurrent-context: x", "clusters[name=c1].cluster.certificate-authority-data")]
    [InlineData("bad exec version", "clusters: [{name: c1, cluster: {server: 'https://h'}}]\nusers: [{name: u, user: {exec: {command: x, apiVersion: v0}}}]\ncontexts: [{name: x, context: {cluster: c1, user: u}}]\ncurrent-context: x", "users[name=u].user.exec.apiVersion")]
    [InlineData("insecure with CA", "clusters: [{name: c1, cluster: {server: 'https://h', insecure-skip-tls-verify: true, certificate-authority: ca.crt}}]\ncontexts: [{name: x, context: {cluster: c1}}]\ncurrent-context: x", "clusters[name=c1].cluster.insecure-skip-tls-verify")]
    [InlineData("exec arg not a string", "clusters: [{name: c1, cluster: {server: 'https://h'}}]\nusers: [{name: u, user: {exec: {command: x, apiVersion: client.authentication.k8s.io/v1, args: [[1]]}}}]\ncontexts: [{name: x, context: {cluster: c1, user: u}}]\ncurrent-context: x", "users[name=u].user.exec.args[0]")]
    [InlineData("wrong type", "clusters: [{name: c1, cluster: {server: [1]}}]\ncontexts: [{name: x, context: {cluster: c1}}]\ncurrent-context: x", "clusters[name=c1].cluster.server")]
    public void Invalid_ErrorNamesFileAndField(string name, string yaml, string field)
    {
        var path = Write(name.Replace(' ', '-'), yaml);

        var error = Assert.Throws<KubeConfigException>(() => Load(path));

        Assert.Equal(field, error.Field);
        Assert.StartsWith($"{path}: {field}: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InCluster_ReadsServiceAccountAndRereadsRotatedToken()
    {
        var (certPem, _) = SelfSigned();
        Write("token", "sa-1");
        Write("ca.crt", certPem);
        Write("namespace", "operators\n");
        var env = Env(("KUBERNETES_SERVICE_HOST", "10.0.0.1"), ("KUBERNETES_SERVICE_PORT", "443"));

        var config = InClusterConfig.Load(env, _dir, _time);
        Assert.Equal("sa-1", await config.Credentials!.GetTokenAsync(s_ct));
        Write("token", "sa-2");
        _time.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(new Uri("https://10.0.0.1:443"), config.Server);
        Assert.Equal("operators", config.Namespace);
        Assert.Single(config.CertificateAuthority!);
        Assert.Equal("sa-2", await config.Credentials.GetTokenAsync(s_ct));
    }

    private static void MakeExecutable(string path)
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "exec plugin scripts need bash");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    private static string B64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    internal static (string CertPem, string KeyPem) SelfSigned()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=test", key, HashAlgorithmName.SHA256);
        using var cert = request.CreateSelfSigned(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddYears(100));
        return (cert.ExportCertificatePem(), key.ExportPkcs8PrivateKeyPem());
    }
}
