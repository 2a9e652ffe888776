namespace CiBridge.Entities.Conditions;

/// <summary>Reasons of a CiTask's Succeeded and Ready conditions.</summary>
public static class TaskReasons
{
    public const string Pending = "Pending";
    public const string Queued = "Queued";
    public const string Running = "Running";
    public const string Succeeded = "Succeeded";
    public const string Failed = "Failed";
    public const string Aborted = "Aborted";
    public const string Unstable = "Unstable";
    public const string NotBuilt = "NotBuilt";
    public const string TimedOut = "TimedOut";
    public const string ToBeRetried = "ToBeRetried";
    public const string InvalidSpec = "InvalidSpec";
    public const string EndpointNotReady = "EndpointNotReady";
    public const string JobNotFound = "JobNotFound";
    public const string InvalidParameters = "InvalidParameters";
    public const string ParameterSourceNotFound = "ParameterSourceNotFound";
    public const string ProviderNotApproved = "ProviderNotApproved";
}
