namespace CiBridge.Entities;

/// <summary>The names every part of CiBridge shares: API group, finalizer, annotations, field manager.</summary>
public static class CiBridgeApi
{
    public const string Group = "cibridge.dev";
    public const string Version = "v1alpha1";
    public const string ApiVersion = Group + "/" + Version;
    public const string Category = "cibridge";

    /// <summary>Finalizer that lets the operator abort a running build before a CiTask goes away.</summary>
    public const string Finalizer = "cibridge.dev/finalizer";

    /// <summary>Annotation asking for one more run of an unchanged CiTask (like Flux's requestedAt).</summary>
    public const string RunRequestedAtAnnotation = "cibridge.dev/run-requested-at";

    /// <summary>Annotation asking for one more verification of a JenkinsEndpoint now (its "Verify" button).</summary>
    public const string VerifyRequestedAtAnnotation = "cibridge.dev/verify-requested-at";

    /// <summary>Field manager for every write the operator makes.</summary>
    public const string FieldManager = "ci-bridge";

    /// <summary>Go-style duration ("90s", "5m", "1h30m"), the form Kubernetes and Flux specs use.</summary>
    public const string DurationPattern = @"^([0-9]+(\.[0-9]+)?(ms|s|m|h))+$";

    /// <summary>
    /// Annotation that makes a JenkinsEndpoint its namespace's default (value <c>"true"</c>, the
    /// convention of StorageClass and IngressClass): a CiTask without endpointRef runs there.
    /// </summary>
    public const string IsDefaultEndpointAnnotation = "cibridge.dev/is-default-endpoint";
}
