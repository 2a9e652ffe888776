using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CiBridge.Operator.Webhooks;
using CiBridge.TestKit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CiBridge.Operator.Tests.Webhooks;

/// <summary>The webhook's serving certificate is reloaded when cert-manager renews the mounted files.</summary>
public sealed class WebhookCertificateTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("webhook-tls-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task RotatedUnderLoad_RequestsKeepSucceeding_AndNewConnectionsSeeTheNewCertificate()
    {
        Write(Pair("CN=webhook-old"));
        var certificate = WebhookCertificate.Load(_directory, TimeProvider.System);
        await using var app = await StartAsync(certificate);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var load = new Load(new Uri(address));
        var workers = Enumerable.Range(0, 4).Select(i => load.RunAsync(freshConnections: i > 0, stop.Token)).ToList();
        await Eventually.HoldsAsync(() => load.Succeeded >= 40, "requests under way", ct: Ct);

        Write(Pair("CN=webhook-new"));
        await Eventually.HoldsAsync(() => load.Subjects.Contains("CN=webhook-new"), "a new connection sees the new certificate", ct: Ct);
        var afterRotation = load.Succeeded;
        await Eventually.HoldsAsync(() => load.Succeeded >= afterRotation + 40, "requests go on after the rotation", ct: Ct);
        await stop.CancelAsync();
        await Task.WhenAll(workers);

        Assert.Equal(0, load.Failed);
        Assert.Contains("CN=webhook-old", load.Subjects);
    }

    [Fact]
    public void HalfReplacedFiles_KeepTheOldCertificate_UntilBothFit_CheckedAtMostOncePerInterval()
    {
        var time = new FakeTimeProvider();
        var (oldPair, newPair) = (Pair("CN=old"), Pair("CN=new"));
        Write(oldPair);
        var certificate = WebhookCertificate.Load(_directory, time);

        File.WriteAllText(Path.Combine(_directory, "tls.crt"), newPair.Certificate);
        time.Advance(WebhookCertificate.CheckInterval);
        var halfReplaced = certificate.Current.Subject;
        File.WriteAllText(Path.Combine(_directory, "tls.key"), newPair.Key);
        var beforeTheInterval = certificate.Current.Subject;
        time.Advance(WebhookCertificate.CheckInterval);
        var replaced = certificate.Current.Subject;

        Assert.Equal(["CN=old", "CN=old", "CN=new"], [halfReplaced, beforeTheInterval, replaced]);
    }

    /// <summary>Replaces the files the way a volume update does: each one at once, the key last.</summary>
    private void Write((string Certificate, string Key) pair)
    {
        foreach (var (name, text) in new[] { ("tls.crt", pair.Certificate), ("tls.key", pair.Key) })
        {
            var staged = Path.Combine(_directory, $".{name}.new");
            File.WriteAllText(staged, text);
            File.Move(staged, Path.Combine(_directory, name), overwrite: true);
        }
    }

    private static (string Certificate, string Key) Pair(string subject)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        using var certificate = request.CreateSelfSigned(new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2100, 1, 1, 0, 0, 0, TimeSpan.Zero));
        return (certificate.ExportCertificatePem(), key.ExportPkcs8PrivateKeyPem());
    }

    private static async Task<WebApplication> StartAsync(WebhookCertificate certificate)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseWebhookCertificate(certificate)));
        var app = builder.Build();
        app.MapGet("/ping", () => Results.Text("pong"));
        await app.StartAsync(Ct);
        return app;
    }

    /// <summary>Requests in a loop, on one kept-alive connection or a new connection each time; records the certificates seen.</summary>
    private sealed class Load(Uri address)
    {
        private int _succeeded;
        private int _failed;

        public int Succeeded => Volatile.Read(ref _succeeded);

        public int Failed => Volatile.Read(ref _failed);

        public System.Collections.Concurrent.ConcurrentDictionary<string, bool> SubjectsSeen { get; } = new();

        public ICollection<string> Subjects => SubjectsSeen.Keys;

        public async Task RunAsync(bool freshConnections, CancellationToken stop)
        {
            var kept = freshConnections ? null : Client();
            while (!stop.IsCancellationRequested)
            {
                var client = kept ?? Client();
                try
                {
                    var answer = await client.GetStringAsync(new Uri(address, "/ping"), stop);
                    if (answer == "pong") Interlocked.Increment(ref _succeeded);
                    else Interlocked.Increment(ref _failed);
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref _failed);
                }
                finally
                {
                    if (kept is null) client.Dispose();
                }
            }
            kept?.Dispose();
        }

        private HttpClient Client() => new(new SocketsHttpHandler
        {
            SslOptions = { RemoteCertificateValidationCallback = (_, certificate, _, _) => Seen(certificate) },
        });

        private bool Seen(X509Certificate? certificate)
        {
            if (certificate is not null) SubjectsSeen[certificate.Subject] = true;
            return true;
        }
    }
}
