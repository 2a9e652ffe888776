namespace CiBridge.Jenkins;

/// <summary>
/// Keeps one client per endpoint (e.g. per JenkinsEndpoint namespace/name) so its circuit breaker,
/// concurrency limit, connections and crumb session survive between reconciles. Pooled clients
/// belong to the pool: do not dispose them.
/// </summary>
public interface IJenkinsClientPool
{
    /// <summary>The endpoint's client; a new one when the settings changed (the old one is disposed
    /// after a grace period so calls in flight can finish).</summary>
    IJenkinsClient Get(string endpointKey, JenkinsEndpointSettings settings);

    /// <summary>Forgets an endpoint (deleted); its client is disposed after the grace period.</summary>
    void Remove(string endpointKey);
}
