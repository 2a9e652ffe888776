using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CiBridge.Operator.Webhooks;

/// <summary>
/// The webhook's serving certificate (<c>tls.crt</c> and <c>tls.key</c> in one folder), read again
/// when the files change: cert-manager renews the Secret and the kubelet swaps the mounted files in
/// place, so no restart is needed. Each TLS handshake asks for <see cref="Current"/>; at most once per
/// <see cref="CheckInterval"/> that reads the two files again, and only a change of their contents
/// loads them. A pair that does not load (a key that does not fit the certificate while the files are
/// being replaced) keeps the previous certificate in service and is tried again at the next check.
/// Connections already open keep the certificate they started with.
/// </summary>
internal sealed partial class WebhookCertificate
{
    public static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(1);

    private readonly string _directory;
    private readonly string _certificatePath;
    private readonly string _keyPath;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private X509Certificate2 _current;
    private string _stamp;
    private long _checkedAt;

    private WebhookCertificate(string directory, TimeProvider time, ILogger logger)
    {
        _directory = directory;
        _certificatePath = Path.Combine(directory, "tls.crt");
        _keyPath = Path.Combine(directory, "tls.key");
        _time = time;
        _logger = logger;
        _stamp = Stamp();
        _current = Read();
        _checkedAt = time.GetTimestamp();
    }

    /// <summary>Reads the pair once; a missing folder or files that do not load stop the start (the caller reports it).</summary>
    public static WebhookCertificate Load(string? directory, TimeProvider time, ILogger? logger = null)
    {
        if (directory is null) throw new ArgumentException("--webhook-port needs --webhook-cert-dir with tls.crt and tls.key");
        return new WebhookCertificate(directory, time, logger ?? NullLogger.Instance);
    }

    /// <summary>The certificate to serve now.</summary>
    public X509Certificate2 Current
    {
        get
        {
            lock (_gate)
            {
                if (_time.GetElapsedTime(_checkedAt) >= CheckInterval) ReloadIfChanged();
                return _current;
            }
        }
    }

    private void ReloadIfChanged()
    {
        _checkedAt = _time.GetTimestamp();
        string stamp;
        try
        {
            stamp = Stamp();
            if (stamp == _stamp) return;
            _current = Read();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException)
        {
            // Half-replaced files: keep serving the old pair; the next check tries again.
            Log.NotReloaded(_logger, _directory, e.Message);
            return;
        }
        _stamp = stamp;
        Log.Reloaded(_logger, _current.Subject, _current.NotAfter);
    }

    /// <summary>A digest of both files' contents: write times can be too coarse to tell two quick writes apart.</summary>
    private string Stamp()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(File.ReadAllBytes(_certificatePath));
        hash.AppendData(File.ReadAllBytes(_keyPath));
        return Convert.ToHexString(hash.GetHashAndReset());
    }

    private X509Certificate2 Read() => X509Certificate2.CreateFromPemFile(_certificatePath, _keyPath);

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Webhook serving certificate reloaded: {Subject}, valid until {NotAfter}")]
        public static partial void Reloaded(ILogger logger, string subject, DateTime notAfter);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook serving certificate in {Directory} changed but does not load ({Error}); serving the previous one and trying again")]
        public static partial void NotReloaded(ILogger logger, string directory, string error);
    }
}

/// <summary>Serves HTTPS with a <see cref="WebhookCertificate"/>, asked on every handshake.</summary>
internal static class WebhookTls
{
    public static Microsoft.AspNetCore.Server.Kestrel.Core.ListenOptions UseWebhookCertificate(this Microsoft.AspNetCore.Server.Kestrel.Core.ListenOptions listen, WebhookCertificate certificate) =>
        Microsoft.AspNetCore.Hosting.ListenOptionsHttpsExtensions.UseHttps(listen, new Microsoft.AspNetCore.Server.Kestrel.Https.HttpsConnectionAdapterOptions
        {
            ServerCertificateSelector = (_, _) => certificate.Current,
        });
}
