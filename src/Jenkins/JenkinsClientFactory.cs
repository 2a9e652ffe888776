using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CiBridge.Jenkins;

/// <summary>Creates <see cref="IJenkinsClient"/>s; register it as a singleton.</summary>
/// <param name="time">Clock for timeouts, back-off and the circuit breaker.</param>
/// <param name="loggerFactory">Where request logs go (method, path, status; never secrets).</param>
/// <param name="refusedAddress">Addresses never connected to, checked after DNS resolution (the
/// operator refuses link-local and cloud metadata addresses); null connects anywhere.</param>
/// <param name="metrics">Where request latencies are recorded (the host's meters); null records none.</param>
public sealed class JenkinsClientFactory(TimeProvider time, ILoggerFactory? loggerFactory = null, Func<System.Net.IPAddress, bool>? refusedAddress = null, Http.JenkinsMetrics? metrics = null) : IJenkinsClientFactory
{
    /// <summary>A factory on the system clock without logging.</summary>
    public JenkinsClientFactory() : this(TimeProvider.System) { }

    /// <inheritdoc/>
    public IJenkinsClient Create(JenkinsEndpointSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!settings.BaseUrl.IsAbsoluteUri || settings.BaseUrl.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException($"'{settings.BaseUrl}' is not an http(s) URL", nameof(settings));
        }
        Validate(settings.Options ?? new JenkinsClientOptions());
        var logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("CiBridge.Jenkins");
        return new JenkinsClient(new Http.JenkinsTransport(settings, time, logger, refusedAddress, metrics), time);
    }

    private static void Validate(JenkinsClientOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.RequestTimeout, TimeSpan.Zero, nameof(options.RequestTimeout));
        ArgumentOutOfRangeException.ThrowIfNegative(options.ReadRetries, nameof(options.ReadRetries));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxConcurrency, 1, nameof(options.MaxConcurrency));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.JobDefinitionTtl, TimeSpan.Zero, nameof(options.JobDefinitionTtl));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.DiscoveryMaxDepth, 1, nameof(options.DiscoveryMaxDepth));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.DiscoveryMaxJobs, 1, nameof(options.DiscoveryMaxJobs));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BuildSearchLimit, 1, nameof(options.BuildSearchLimit));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.ConsoleChunkMaxBytes, 16, nameof(options.ConsoleChunkMaxBytes));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxJsonBytes, 1024, nameof(options.MaxJsonBytes));
        if (options.BreakerFailureRatio is <= 0 or > 1) throw new ArgumentOutOfRangeException(nameof(options), "BreakerFailureRatio must be in (0, 1]");
    }
}
