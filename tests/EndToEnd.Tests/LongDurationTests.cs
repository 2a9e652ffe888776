using CiBridge.Entities.CiTasks;
using CiBridge.Entities.JenkinsEndpoints;
using CiBridge.Entities.Validation;
using CiBridge.Kubernetes.Controllers;
using CiBridge.Kubernetes.Models;
using CiBridge.Sandbox.Jenkins.Model;
using CiBridge.TestKit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CiBridge.EndToEnd.Tests;

/// <summary>
/// The largest durations the API accepts, run for 52 days of operator time, past the 49.7 days a timer holds. A timer that cannot
/// hold a delay throws inside <see cref="FakeTimeProvider.Advance"/>, so a crash fails the test here.
/// </summary>
public sealed class LongDurationTests
{
    // Longer than the whole run, so only the operator's timeout can end it: a build that finished on
    // its own while a loaded machine reconciled late would otherwise read as Succeeded.
    private const string LongJob = "e2e/sixty-days";
    private static readonly TimeSpan s_step = TimeSpan.FromHours(2);

    [Fact]
    public async Task LargestVerifyIntervalAndTimeout_RunFor52DaysOfFakeTime_WithoutACrash()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var environment = await OperatorEnvironment.StartAsync(Scenario.Ct, services => services.AddSingleton<TimeProvider>(time), jenkinsTime: time);
        environment.Jenkins.AddFolder("e2e");
        environment.Jenkins.AddJob(LongJob, [StandInParameter.Text("CIBRIDGE_RUN_ID")], new JobBehavior(TimeSpan.FromDays(60)), JobKind.Pipeline);
        var scenario = await Scenario.StartAsync(environment);
        await scenario.CreateCredentialsAsync(Sandbox.Jenkins.JenkinsStandInExample.ApiToken);
        await CreateEndpointAsync(environment, scenario.Namespace, GoDuration.Format(SpecLimits.MaxVerifyInterval));
        await VerifiedRecentlyAsync(scenario, time);
        await scenario.CreateTaskAsync("long", LongJob, s => s.Timeout = GoDuration.Format(SpecLimits.MaxTimeout));
        await RunningAsync(scenario, time);

        // Every timer the operator armed comes due on the way; a read of the endpoint per step gives
        // its reconciles a moment to arm the next ones.
        for (var elapsed = TimeSpan.Zero; elapsed < TimeSpan.FromDays(52); elapsed += s_step)
        {
            time.Advance(s_step);
            await scenario.Environment.Client.GetAsync<JenkinsEndpoint>(new ObjectKey(scenario.Namespace, Scenario.EndpointName), Scenario.Ct);
        }

        // Still working after 52 days: verified again within an interval, and the task timed out.
        await VerifiedRecentlyAsync(scenario, time);
        var task = await EndedAsync(scenario, time);
        Assert.Equal("TimedOut", Conditions.Find(task.Status!.Conditions, "Succeeded")?.Reason);
        Assert.DoesNotContain(environment.Logs.Lines, l => l.Contains("ArgumentOutOfRangeException", StringComparison.Ordinal));
    }

    private static Task<JenkinsEndpoint> CreateEndpointAsync(OperatorEnvironment environment, string ns, string verifyInterval) =>
        environment.Client.CreateAsync(new JenkinsEndpoint
        {
            Metadata = new ObjectMeta { Name = Scenario.EndpointName, Namespace = ns },
            Spec = new JenkinsEndpointSpec
            {
                Url = environment.Jenkins.BaseAddress.ToString(),
                AllowInsecureHttp = true,
                CredentialsSecretRef = new LocalObjectReference { Name = Scenario.CredentialsName },
                VerifyInterval = verifyInterval,
            },
        }, Scenario.Ct);

    /// <summary>
    /// The task's build runs. The operator polls Jenkins on its own (fake) clock, so each poll
    /// moves it a second, as time would pass.
    /// </summary>
    private static Task<CiTask> RunningAsync(Scenario scenario, FakeTimeProvider time) =>
        Eventually.HoldsAsync(async () =>
            {
                time.Advance(TimeSpan.FromSeconds(1));
                return (await scenario.Environment.Client.GetAsync<CiTask>(new ObjectKey(scenario.Namespace, "long"), Scenario.Ct))!;
            },
            t => t?.Status?.Phase == "Running", "Running", ct: Scenario.Ct);

    /// <summary>The run ended; each poll moves the fake clock a second so the operator's follow-up polls come due.</summary>
    private static Task<CiTask> EndedAsync(Scenario scenario, FakeTimeProvider time) =>
        Eventually.HoldsAsync(async () =>
            {
                time.Advance(TimeSpan.FromSeconds(1));
                return (await scenario.Environment.Client.GetAsync<CiTask>(new ObjectKey(scenario.Namespace, "long"), Scenario.Ct))!;
            },
            t => t?.Status?.CurrentRun?.Result is not null, "run ended", TimeSpan.FromSeconds(90), Scenario.Ct);

    /// <summary>
    /// The endpoint was verified within one interval plus jitter of the fake now. Each poll moves the
    /// fake clock a second, so a retry the operator scheduled for a moment later also comes due. The
    /// two-hour steps time out verifications in flight (the client's timeout runs on the same fake
    /// clock); the retry then waits out the work queue's back-off, capped at five minutes, so the wait
    /// allows 90 s of polls (about 450 fake seconds) rather than the default 30.
    /// </summary>
    private static Task<JenkinsEndpoint> VerifiedRecentlyAsync(Scenario scenario, FakeTimeProvider time) =>
        Eventually.HoldsAsync(async () =>
            {
                time.Advance(TimeSpan.FromSeconds(1));
                return (await scenario.Environment.Client.GetAsync<JenkinsEndpoint>(new ObjectKey(scenario.Namespace, Scenario.EndpointName), Scenario.Ct))!;
            },
            e => e?.Status?.LastVerifiedTime is { } at && at >= time.GetUtcNow() - (SpecLimits.MaxVerifyInterval * 1.1) - s_step,
            "endpoint verified within its interval", TimeSpan.FromSeconds(90), Scenario.Ct);
}
