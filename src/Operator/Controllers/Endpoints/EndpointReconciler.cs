using CiBridge.Entities.Conditions;
using CiBridge.Entities.JenkinsEndpoints;
using CiBridge.Jenkins;
using CiBridge.Kubernetes.Client;
using CiBridge.Kubernetes.Controllers;
using CiBridge.Operator.Controllers.Shared;

namespace CiBridge.Operator.Controllers.Endpoints;

/// <summary>
/// Verifies a JenkinsEndpoint like a CI admin page's "Verify" button and reports it on status:
/// get → the steps of <see cref="EndpointSteps"/> inside a status scope that summarizes and patches
/// once → the outcome as the work queue's result (the next verification, a back-off, or nothing).
/// </summary>
internal sealed class EndpointReconciler(
    IKubernetesReader cache,
    StatusWriter statusWriter,
    EndpointSteps steps,
    IJenkinsClientPool clients,
    EndpointReconcileContext context) : IReconciler
{
    private readonly StatusRules<JenkinsEndpoint> _rules = new(EndpointStatusSummary.Apply, (before, after) => EndpointEvents.Emit(context.Events, before, after));

    public async ValueTask<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken ct)
    {
        var endpoint = await cache.GetAsync<JenkinsEndpoint>(key, ct);
        if (endpoint is null)
        {
            clients.Remove(key.ToString());
            context.Schedule.Forget(key);
            return ReconcileResult.Done;
        }
        var status = statusWriter.Begin(endpoint, _rules);
        var outcome = await status.RunAsync(c => Steps.RunAsync(steps.All, new EndpointReconcile(key, status), c), EndpointReasons.ReconciliationFailed, ct);
        return outcome.ToResult();
    }
}
