using CiBridge.Entities.Conditions;
using CiBridge.Entities.JenkinsEndpoints;
using CiBridge.Kubernetes.Controllers;
using CiBridge.Kubernetes.Models;
using CiBridge.Operator.Controllers.Endpoints;
using CiBridge.Operator.Tests.Controllers.Support;
using Microsoft.Extensions.Time.Testing;

namespace CiBridge.Operator.Tests.Controllers;

public sealed class VerifyScheduleTests
{
    private static readonly ObjectKey s_key = new(Objects.Namespace, "jenkins");

    /// <summary>(case, change after a successful verification, expected: due and why, or the wait).</summary>
    public static TheoryData<string, Action<FakeTimeProvider, JenkinsEndpoint>, string, string> Cases => new()
    {
        { "nothing changed", (_, _) => { }, "v1", "wait 00:05:00" },
        { "own status written again", (_, e) => e.Status!.JobCount = 3, "v1", "wait 00:05:00" },
        { "a minute later", (t, _) => t.Advance(TimeSpan.FromMinutes(1)), "v1", "wait 00:04:00" },
        { "interval passed", (t, _) => t.Advance(TimeSpan.FromMinutes(5)), "v1", "due: the interval passed" },
        { "spec changed", (_, e) => e.Metadata.Generation = 2, "v1", "due: the spec changed" },
        { "Secret changed", (_, _) => { }, "v2", "due: the credentials changed" },
        { "an earlier step stopped it", (_, e) => Ready(e, EndpointReasons.SecretNotFound), "v1", "due: the status holds no verification" },
        { "the result's write failed", (_, e) => e.Status!.LastVerifiedTime = e.Status.LastVerifiedTime!.Value.AddDays(-1), "v1", "due: the last result was not written" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Check_AfterAVerification(string name, Action<FakeTimeProvider, JenkinsEndpoint> change, string sourceVersion, string expected)
    {
        var (time, schedule, endpoint) = Verified();
        change(time, endpoint);

        var due = schedule.Check(s_key, endpoint, sourceVersion);

        Assert.True(expected == Describe(due), $"{name}: {Describe(due)}");
    }

    [Fact]
    public void Check_IsDue_WhenThisProcessNeverVerifiedTheEndpoint()
    {
        var schedule = new VerifySchedule(new FakeTimeProvider(), () => 0.5);

        Assert.Equal("due: not verified since the operator started", Describe(schedule.Check(s_key, Objects.Endpoint(), "v1")));
    }

    [Fact]
    public void Check_IsDueAtOnce_AfterATransientFailure_SoTheWorkQueueBackOffPacesIt()
    {
        var (time, schedule, endpoint) = Verified();
        Ready(endpoint, EndpointReasons.Unreachable);
        schedule.Record(s_key, endpoint.Spec, "v1", EndpointReasons.Unreachable, transientFailure: true);

        Assert.Equal("due: the last attempt failed", Describe(schedule.Check(s_key, endpoint, "v1")));
    }

    [Theory]
    [InlineData(0.0, 270)]
    [InlineData(0.5, 300)]
    [InlineData(1.0, 330)]
    public void Record_JittersTheIntervalByTenPercent(double random, int seconds)
    {
        var schedule = new VerifySchedule(new FakeTimeProvider(), () => random);

        Assert.Equal(TimeSpan.FromSeconds(seconds), schedule.Record(s_key, Objects.Endpoint().Spec, "v1", EndpointReasons.Verified, transientFailure: false));
    }

    [Theory]
    [InlineData(null, 300)]
    [InlineData("30s", 30)]
    [InlineData("1h", 3600)]
    public void Interval_IsTheSpecsOrFiveMinutes(string? interval, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), VerifySchedule.Interval(new JenkinsEndpointSpec { VerifyInterval = interval }));
    }

    private static (FakeTimeProvider Time, VerifySchedule Schedule, JenkinsEndpoint Endpoint) Verified()
    {
        var time = new FakeTimeProvider();
        var schedule = new VerifySchedule(time, () => 0.5);
        var endpoint = Objects.Endpoint();
        endpoint.Metadata.Generation = 1;
        endpoint.Status = new JenkinsEndpointStatus { ObservedGeneration = 1, LastVerifiedTime = time.GetUtcNow() };
        Ready(endpoint, EndpointReasons.Verified);
        schedule.Record(s_key, endpoint.Spec, "v1", EndpointReasons.Verified, transientFailure: false);
        return (time, schedule, endpoint);
    }

    private static void Ready(JenkinsEndpoint endpoint, string reason) =>
        endpoint.Status!.Conditions = [new Condition { Type = ConditionTypes.Ready, Status = "True", Reason = reason }];

    private static string Describe(VerifyDue due) => due.IsDue ? $"due: {due.Reason}" : $"wait {due.Wait}";
}
