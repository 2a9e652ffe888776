using CiBridge.Entities.Conditions;
using CiBridge.Entities.JenkinsEndpoints;
using CiBridge.Entities.Validation;
using CiBridge.Jenkins;
using CiBridge.Jenkins.Models;
using CiBridge.Kubernetes.Client;
using CiBridge.Kubernetes.Controllers;
using CiBridge.Kubernetes.Models;
using CiBridge.Operator.Controllers.Shared;

namespace CiBridge.Operator.Controllers.Endpoints;

/// <summary>
/// Verifies a JenkinsEndpoint like a CI admin page's "Verify" button and reports it on status:
/// validate → read the Secret → verify → list jobs → one status write if anything changed.
/// </summary>
internal sealed class EndpointReconciler(
    IKubernetesReader cache,
    StatusWriter statusWriter,
    EndpointSettingsReader settingsReader,
    IJenkinsClientPool clients,
    EndpointReconcileContext context) : IReconciler
{
    public async ValueTask<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken ct)
    {
        var endpoint = await cache.GetAsync<JenkinsEndpoint>(key, ct);
        if (endpoint is null)
        {
            clients.Remove(key.ToString());
            context.Schedule.Forget(key);
            return ReconcileResult.Done;
        }
        var working = statusWriter.Copy(endpoint);
        var (verified, failure) = await VerifyAsync(key, working, ct);
        var before = Kubernetes.Models.Conditions.Find(endpoint.Status?.Conditions, ConditionTypes.Ready);
        EndpointStatusUpdate.Apply(working, verified, failure, context.Time.GetUtcNow());
        await statusWriter.WriteIfChangedAsync(endpoint, working, ct);
        EmitTransition(working, before?.Reason, failure);
        return context.Schedule.Next(key, working.Spec, failure);
    }

    private async Task<(VerifiedServer? Verified, Failure? Failure)> VerifyAsync(ObjectKey key, JenkinsEndpoint endpoint, CancellationToken ct)
    {
        var validation = JenkinsEndpointValidator.Validate(endpoint, context.ApprovedProviders.Current);
        if (!validation.IsValid)
        {
            var reason = validation.ProviderNotApproved ? EndpointReasons.ProviderNotApproved : EndpointReasons.InvalidSpec;
            return (null, Failure.NeedsUser(reason, validation.Summary));
        }
        var (settings, failure) = await settingsReader.ReadAsync(endpoint, ct);
        if (settings is null) return (null, failure);
        var client = clients.Get(key.ToString(), settings);
        var outcome = await client.VerifyAsync(ct);
        if (VerifyOutcomeMapping.ToFailure(outcome) is { } verifyFailure) return (null, verifyFailure);
        var jobs = await DiscoverAsync(client, endpoint.Spec.JobDiscovery, ct);
        return (new VerifiedServer(outcome, jobs), null);
    }

    private static async Task<JobDiscoveryResult?> DiscoverAsync(IJenkinsClient client, JobDiscovery? discovery, CancellationToken ct)
    {
        if (discovery?.Enabled == false) return null;
        try
        {
            return await client.DiscoverJobsAsync(ct);
        }
        catch (Jenkins.Errors.JenkinsException)
        {
            // The server is verified; a failed listing keeps the last jobs on status and is tried next time.
            return null;
        }
    }

    private void EmitTransition(JenkinsEndpoint endpoint, string? previousReason, Failure? failure)
    {
        var reason = failure?.Reason ?? EndpointReasons.Verified;
        if (reason == previousReason) return;
        if (failure is null) context.Events.Record(endpoint, EventTypes.Normal, reason, $"Verified {endpoint.Spec.Url} as user \"{endpoint.Status?.AuthenticatedAs}\" (Jenkins {endpoint.Status?.JenkinsVersion})");
        else context.Events.Record(endpoint, EventTypes.Warning, reason, failure.Message);
    }
}

/// <summary>What a successful verification found.</summary>
internal sealed record VerifiedServer(VerifyOutcome Outcome, JobDiscoveryResult? Jobs);
