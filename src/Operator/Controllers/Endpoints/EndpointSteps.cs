using CiBridge.Entities.Conditions;
using CiBridge.Entities.JenkinsEndpoints;
using CiBridge.Entities.Validation;
using CiBridge.Jenkins;
using CiBridge.Jenkins.Errors;
using CiBridge.Kubernetes.Models;
using CiBridge.Operator.Controllers.Shared;

namespace CiBridge.Operator.Controllers.Endpoints;

/// <summary>
/// The ordered steps of a JenkinsEndpoint reconcile, in the order of <see cref="All"/>: validate →
/// read the Secret (and CA bundle) → is a verification due? → verify like a "Verify" button →
/// list the jobs. Each returns an <see cref="Outcome"/>.
/// </summary>
internal sealed class EndpointSteps(EndpointSettingsReader settingsReader, IJenkinsClientPool clients, EndpointReconcileContext context)
{
    public IReadOnlyList<Step<EndpointReconcile>> All => [ValidateAsync, ReadSettingsAsync, CheckScheduleAsync, VerifyAsync, DiscoverJobsAsync];

    private Task<Outcome> ValidateAsync(EndpointReconcile r, CancellationToken ct)
    {
        var validation = JenkinsEndpointValidator.Validate(r.Endpoint, context.ApprovedProviders.Current, context.Refused);
        if (validation.IsValid) return Task.FromResult(Outcome.Continue);
        var reason = validation.ProviderNotApproved ? EndpointReasons.ProviderNotApproved : EndpointReasons.InvalidSpec;
        return Task.FromResult(Outcome.Stall(reason, validation.Summary));
    }

    /// <summary>A missing or broken Secret needs the user; its watch brings the endpoint back when it changes.</summary>
    private async Task<Outcome> ReadSettingsAsync(EndpointReconcile r, CancellationToken ct)
    {
        (r.Settings, var failure) = await settingsReader.ReadAsync(r.Endpoint, ct);
        return failure is null ? Outcome.Continue : Outcome.Of(failure);
    }

    private Task<Outcome> CheckScheduleAsync(EndpointReconcile r, CancellationToken ct)
    {
        var due = context.Schedule.Check(r.Key, r.Endpoint, r.Settings!.SourceVersion);
        return Task.FromResult(due.IsDue ? Outcome.Continue : Outcome.After(due.Wait));
    }

    private async Task<Outcome> VerifyAsync(EndpointReconcile r, CancellationToken ct)
    {
        var client = clients.Get(r.Key.ToString(), r.Settings!.Client);
        var outcome = await client.VerifyAsync(ct);
        var failure = VerifyOutcomeMapping.ToFailure(outcome);
        var reason = failure?.Reason ?? EndpointReasons.Verified;
        var next = context.Schedule.Record(r.Key, r.Endpoint.Spec, r.Settings.SourceVersion, reason, transientFailure: failure is { Stalled: false });
        if (failure is not null) return failure.Stalled ? Outcome.Stall(failure.Reason, failure.Message, next) : Outcome.Of(failure);
        var status = r.Endpoint.Status ??= new JenkinsEndpointStatus();
        status.JenkinsVersion = outcome.Version;
        status.AuthenticatedAs = outcome.User;
        status.CrumbsRequired = outcome.CrumbsRequired;
        status.LastVerifiedTime = KubernetesTimeConverter.Truncate(context.Time.GetUtcNow());
        r.NextVerification = next;
        return Outcome.Continue;
    }

    /// <summary>A failed listing keeps the last jobs on status and is tried at the next verification.</summary>
    private async Task<Outcome> DiscoverJobsAsync(EndpointReconcile r, CancellationToken ct)
    {
        var status = r.Endpoint.Status!;
        var discovery = r.Endpoint.Spec.JobDiscovery;
        if (discovery?.Enabled == false)
        {
            (status.Jobs, status.JobCount) = (null, null);
            return Outcome.DoneUntil(r.NextVerification);
        }
        try
        {
            var found = await clients.Get(r.Key.ToString(), r.Settings!.Client).DiscoverJobsAsync(ct);
            status.JobCount = found.Jobs.Count;
            status.Jobs = [.. found.Jobs.OrderBy(j => j.FullName, StringComparer.Ordinal).Take(discovery?.Limit ?? 100)
                .Select(j => new DiscoveredJob { FullName = j.FullName, Type = j.Class, Url = j.Url?.AbsoluteUri })];
        }
        catch (JenkinsException)
        {
            // The server is verified; the listing is not what Ready is about.
        }
        return Outcome.DoneUntil(r.NextVerification);
    }
}
