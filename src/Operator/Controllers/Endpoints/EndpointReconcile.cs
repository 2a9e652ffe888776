using CiBridge.Entities.JenkinsEndpoints;
using CiBridge.Kubernetes.Controllers;
using CiBridge.Operator.Controllers.Shared;

namespace CiBridge.Operator.Controllers.Endpoints;

/// <summary>One JenkinsEndpoint reconcile as its steps see it: the status scope, and what earlier steps found.</summary>
internal sealed class EndpointReconcile(ObjectKey key, StatusScope<JenkinsEndpoint> status)
{
    public ObjectKey Key { get; } = key;

    public StatusScope<JenkinsEndpoint> Status { get; } = status;

    /// <summary>The working copy the steps change.</summary>
    public JenkinsEndpoint Endpoint => Status.Working;

    /// <summary>The client settings, once read from the Secret.</summary>
    public EndpointSettings? Settings { get; set; }

    /// <summary>How long until the next verification, once this one succeeded.</summary>
    public TimeSpan NextVerification { get; set; }
}
