namespace CiBridge.Jenkins.Models;

/// <summary>Jenkins' build results as on the wire (strings, so unknown values still read).</summary>
public static class BuildResults
{
    /// <summary>Succeeded.</summary>
    public const string Success = "SUCCESS";

    /// <summary>Succeeded with test failures or warnings.</summary>
    public const string Unstable = "UNSTABLE";

    /// <summary>Failed.</summary>
    public const string Failure = "FAILURE";

    /// <summary>Not built (e.g. an upstream failed).</summary>
    public const string NotBuilt = "NOT_BUILT";

    /// <summary>Aborted (stopped).</summary>
    public const string Aborted = "ABORTED";
}
