namespace CiBridge.Entities.Conditions;

/// <summary>Reasons of a CiTask's Succeeded and Ready conditions; docs/operator.md says when each is used.</summary>
public static class TaskReasons
{
    /// <summary>Succeeded=Unknown: no run yet, a run is being triggered, or the endpoint is still being verified.</summary>
    public const string Pending = "Pending";

    /// <summary>Succeeded=Unknown: the build waits in the Jenkins queue.</summary>
    public const string Queued = "Queued";

    /// <summary>Succeeded=Unknown: the build is running.</summary>
    public const string Running = "Running";

    /// <summary>Succeeded=True: the build's result is SUCCESS.</summary>
    public const string Succeeded = "Succeeded";

    /// <summary>Succeeded=False: the build's result is FAILURE.</summary>
    public const string Failed = "Failed";

    /// <summary>Succeeded=False: the build was aborted (not by <c>spec.timeout</c>).</summary>
    public const string Aborted = "Aborted";

    /// <summary>Succeeded=False: the build's result is UNSTABLE.</summary>
    public const string Unstable = "Unstable";

    /// <summary>Succeeded=False: Jenkins reports NOT_BUILT, or the queue item vanished without a build.</summary>
    public const string NotBuilt = "NotBuilt";

    /// <summary>Succeeded=False: <c>spec.timeout</c> passed and the operator aborted the run.</summary>
    public const string TimedOut = "TimedOut";

    /// <summary>Succeeded=Unknown: the run failed and <c>spec.retries</c> triggers it again after a back-off.</summary>
    public const string ToBeRetried = "ToBeRetried";

    /// <summary>Stalled: the spec breaks a rule the schema cannot express.</summary>
    public const string InvalidSpec = "InvalidSpec";

    /// <summary>Ready=False: the endpoint does not exist or is not Ready; the endpoint's own change brings the task back.</summary>
    public const string EndpointNotReady = "EndpointNotReady";

    /// <summary>Ready=False: spec.endpointRef is left out and no JenkinsEndpoint of the namespace is annotated as its default.</summary>
    public const string NoDefaultEndpoint = "NoDefaultEndpoint";

    /// <summary>Ready=False: spec.endpointRef is left out and more than one JenkinsEndpoint of the namespace is annotated as its default.</summary>
    public const string AmbiguousDefaultEndpoint = "AmbiguousDefaultEndpoint";

    /// <summary>Ready=False, rechecked with back-off: the spec.revisionFrom object does not exist, or its kind is not installed.</summary>
    public const string RevisionSourceNotFound = "RevisionSourceNotFound";

    /// <summary>Ready=False, retried with back-off: the job does not exist on the server.</summary>
    public const string JobNotFound = "JobNotFound";

    /// <summary>Stalled: the job path names a folder (or a multibranch project), not a job that builds.</summary>
    public const string JobIsFolder = "JobIsFolder";

    /// <summary>Ready=False, retried with back-off: the job exists but is disabled.</summary>
    public const string JobDisabled = "JobDisabled";

    /// <summary>Stalled: the job does not declare a parameter we would send, or a choice is not allowed.</summary>
    public const string InvalidParameters = "InvalidParameters";

    /// <summary>Stalled: a parameter's Secret or ConfigMap (or its key) does not exist.</summary>
    public const string ParameterSourceNotFound = "ParameterSourceNotFound";

    /// <summary>Stalled: this installation does not approve the endpoint's kind.</summary>
    public const string ProviderNotApproved = "ProviderNotApproved";

    /// <summary>Ready=False, retried with back-off: a request to Jenkins failed (network, 5xx, timeout).</summary>
    public const string JenkinsRequestFailed = "JenkinsRequestFailed";

    /// <summary>Ready=False, retried with back-off: a step failed unexpectedly (for example an API server error).</summary>
    public const string ReconciliationFailed = "ReconciliationFailed";
}
