namespace CiBridge.Jenkins;

/// <summary>Creates a client per endpoint. Keep the client while the endpoint is unchanged: its
/// circuit breaker, concurrency limit and crumb session live in it.</summary>
public interface IJenkinsClientFactory
{
    /// <summary>Creates a client for <paramref name="settings"/>.</summary>
    IJenkinsClient Create(JenkinsEndpointSettings settings);
}
