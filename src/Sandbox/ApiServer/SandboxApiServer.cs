using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using CiBridge.Kubernetes.Yaml;
using CiBridge.Sandbox.ApiServer.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CiBridge.Sandbox.ApiServer;

/// <summary>
/// An in-memory Kubernetes API server on https://127.0.0.1 that kubectl and our client accept:
/// discovery, OpenAPI, the built-in kinds CiBridge needs, CustomResourceDefinitions and their
/// custom resources, watch, server-side apply and validating admission webhooks.
/// </summary>
public sealed class SandboxApiServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly SandboxCertificates _certificates;
    private readonly ApiComposition _composition;
    private readonly CancellationTokenSource _stopping;
    private readonly Task _background;

    private SandboxApiServer(WebApplication app, SandboxCertificates certificates, ApiComposition composition, Uri baseAddress, string token, CancellationTokenSource stopping)
    {
        _stopping = stopping;
        _app = app;
        _certificates = certificates;
        _composition = composition;
        BaseAddress = baseAddress;
        Token = token;
        _background = Task.Run(() => composition.Background.RunAsync(_stopping.Token));
    }

    /// <summary>https://127.0.0.1:&lt;port&gt;</summary>
    public Uri BaseAddress { get; }

    /// <summary>The bearer token clients must send.</summary>
    public string Token { get; }

    /// <summary>PEM of the CA that signed the serving certificate.</summary>
    public string CaCertificatePem => _certificates.CaPem;

    /// <summary>The fault rules in force; change them at any time.</summary>
    public Faults.ApiFaults Faults => _composition.Api.Options.Faults;

    internal ApiComposition Composition => _composition;

    /// <summary>Storage below every check, for tests that need an object the API would not accept.</summary>
    public Storage.RawStoreAccess RawStore => new(_composition.Api.Store);

    public static async Task<SandboxApiServer> StartAsync(SandboxApiServerOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var token = options.Token ?? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var certificates = SandboxCertificates.Create(options.TimeProvider.GetUtcNow());
        var stopping = new CancellationTokenSource();
        var composition = ApiComposition.Create(options, token, stopping.Token);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IHostLifetime, EmbeddedHostLifetime>();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = null; // the 3 MiB limit is enforced with kube's Status error
            kestrel.Limits.Http2.MaxStreamsPerConnection = 1000; // client-go multiplexes every watch on one connection
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, options.Port, listen =>
            {
                listen.Protocols = HttpProtocols.Http1AndHttp2;
                listen.UseHttps(certificates.Serving);
            });
        });
        var app = builder.Build();
        app.Run(composition.Pipeline.HandleAsync);
        await app.StartAsync(ct);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var port = new Uri(address).Port;
        return new SandboxApiServer(app, certificates, composition, new Uri($"https://127.0.0.1:{port}"), token, stopping);
    }

    /// <summary>Writes a kubeconfig (cluster, user and context <c>sandbox</c>) that kubectl uses as is.</summary>
    public void WriteKubeconfig(string path, string @namespace = "default") =>
        KubeconfigWriter.Write(path, KubeconfigWriter.Render(BaseAddress, CaCertificatePem, Token, @namespace));

    /// <summary>Creates or updates each document of <paramref name="yaml"/> (CRDs first is the caller's business).</summary>
    public async Task ApplyAsync(string yaml, CancellationToken ct = default)
    {
        foreach (var document in YamlJson.ReadDocuments(yaml))
        {
            if (document is not JsonObject obj) throw new FormatException("every document must be an object");
            await _composition.ApplyOneAsync(obj, ct);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        try
        {
            await _background;
        }
        catch (OperationCanceledException)
        {
            // stopped
        }
        _stopping.Dispose();
        _certificates.Dispose();
    }
}
