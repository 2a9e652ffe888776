namespace CiBridge.Kubernetes.Client;

/// <summary>
/// Marks requests that should not queue behind others for the client's rate limit (QPS and
/// burst): those sent inside an <see cref="Ahead"/> scope, in this async flow, take freed tokens
/// before requests sent outside one (see <see cref="Queue.PriorityLimiter"/>). Meant for the few
/// writes that stand between a user's change and its effect, not for routine status writes.
/// </summary>
public static class RequestPriority
{
    private static readonly AsyncLocal<bool> s_ahead = new();

    /// <summary>True inside an <see cref="Ahead"/> scope.</summary>
    public static bool IsAhead => s_ahead.Value;

    /// <summary>Requests sent until the scope is disposed go ahead of others waiting for the rate limit.</summary>
    public static IDisposable Ahead()
    {
        var outer = s_ahead.Value;
        s_ahead.Value = true;
        return new Scope(outer);
    }

    private sealed class Scope(bool outer) : IDisposable
    {
        public void Dispose() => s_ahead.Value = outer;
    }
}
