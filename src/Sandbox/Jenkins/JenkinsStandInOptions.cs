namespace CiBridge.Sandbox.Jenkins;

/// <summary>How a <see cref="JenkinsStandIn"/> starts.</summary>
public sealed class JenkinsStandInOptions
{
    /// <summary>The clock for quiet periods, build durations and queue expiry. Default: the system clock.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Loopback port; 0 (default) picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>Path prefix Jenkins is served under (<c>--prefix</c>), e.g. <c>/jenkins</c>. Default: none.</summary>
    public string PathPrefix { get; init; } = "";

    /// <summary>Version sent in <c>X-Jenkins</c>. Default 2.492.3.</summary>
    public string Version { get; init; } = "2.492.3";

    /// <summary>Security on: users must authenticate. Default true.</summary>
    public bool UseSecurity { get; init; } = true;

    /// <summary>With security on, whether anonymous users get Overall/Read. Default false.</summary>
    public bool AnonymousRead { get; init; }

    /// <summary>CSRF protection (crumbs). Default true; off makes <c>/crumbIssuer</c> 404.</summary>
    public bool CsrfProtection { get; init; } = true;

    /// <summary>Global quiet period. Default 5 s, as in Jenkins.</summary>
    public TimeSpan QuietPeriod { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Executors of the built-in node (freestyle builds need one). Default 2.</summary>
    public int Executors { get; init; } = 2;

    /// <summary>How long an aborted build keeps running before it ends ABORTED. Default 0.</summary>
    public TimeSpan AbortDelay { get; init; } = TimeSpan.Zero;

    /// <summary>Configured root URL (Manage Jenkins » System); when set, JSON <c>url</c>s use it
    /// while <c>Location</c> headers still follow the request, as in Jenkins. Default: unset.</summary>
    public Uri? ConfiguredRootUrl { get; init; }

    /// <summary>A server certificate to serve HTTPS instead of HTTP. Default: plain HTTP.</summary>
    public System.Security.Cryptography.X509Certificates.X509Certificate2? Certificate { get; init; }

    /// <summary>Headers an access proxy in front demands (e.g. Cloudflare Access service-token headers);
    /// requests without them are redirected to the proxy's login page. Default: none.</summary>
    public IReadOnlyDictionary<string, string> RequiredHeaders { get; init; } = new Dictionary<string, string>();

    /// <summary>First queue item id. Default 1.</summary>
    public long FirstQueueId { get; init; } = 1;

    /// <summary>Faults active from the start (more can be added at run time). Default: none.</summary>
    public IReadOnlyList<Faults.StandInFault> Faults { get; init; } = [];

    /// <summary>Seed of the random source behind fault probabilities, so runs repeat. Default 0.</summary>
    public int FaultSeed { get; init; }
}
