namespace CiBridge.Sandbox.Jenkins.Faults;

/// <summary>Failures the stand-in can imitate.</summary>
public enum FaultKind
{
    /// <summary>Answer normally after <see cref="StandInFault.Latency"/> on the stand-in's clock.</summary>
    Latency,

    /// <summary>A reverse proxy's 502 Bad Gateway page (no X-Jenkins).</summary>
    BadGateway,

    /// <summary>Close the connection without a response.</summary>
    Reset,

    /// <summary>Handle the request (a trigger really queues), then close the connection: a lost response.</summary>
    ResetAfterHandling,

    /// <summary>Redirect to a login page (an SSO proxy in front, or a session-only setup).</summary>
    LoginRedirect,

    /// <summary>Never answer (until the client gives up).</summary>
    Hang,

    /// <summary>Answer 200 with a web server's welcome page: not a Jenkins.</summary>
    NotJenkins,

    /// <summary>503 "Please wait while Jenkins is getting ready to work".</summary>
    Starting,

    /// <summary>Handle the request (a trigger really queues), then answer a proxy's 502: the client sees a failure that was a success.</summary>
    BadGatewayAfterHandling,

    /// <summary>Handle the request, then never answer (until the client gives up): a timeout after the effect.</summary>
    HangAfterHandling,

    /// <summary>On <c>queue/item/N/api/json</c>: forget item N if it has left the queue (as Jenkins does after
    /// five minutes, or on a restart), so the lookup answers 404; waiting items are kept, as Jenkins persists them.</summary>
    ForgetQueueItem,
}
