using CiBridge.Entities.CiTasks;
using CiBridge.Entities.JenkinsEndpoints;
using CiBridge.Kubernetes.Models;
using CiBridge.Sandbox.Host;

namespace CiBridge.EndToEnd.Tests;

/// <summary>The sandbox's progress lines: what changed, when, and nothing when nothing changed.</summary>
public sealed class SandboxProgressLinesTests
{
    private static readonly DateTimeOffset s_at = new(2026, 12, 2, 9, 5, 7, TimeSpan.Zero);

    [Fact]
    public void NewObjects_GetOneTimestampedLineEach()
    {
        var lines = ProgressLines.Diff(Empty, [Endpoint("True", "Verified"), Task("Running", "Unknown", "Running", 1)], s_at);

        Assert.Equal(["09:05:07 jenkinsendpoint/jenkins-prod: Ready=True Verified", "09:05:07 citask/build: Running build=1 Ready=Unknown"], lines);
    }

    [Fact]
    public void NothingChanged_PrintsNothing()
    {
        var state = new[] { Endpoint("True", "Verified"), Task("Running", "Unknown", "Running", 1) };

        Assert.Empty(ProgressLines.Diff(state.ToDictionary(), state, s_at.AddMinutes(1)));
    }

    [Fact]
    public void ReadyChange_WithThePhaseUnchanged_IsShown_WithAReasonThatDiffersFromThePhase()
    {
        var before = new[] { Task("Pending", "Unknown", "Pending", null) }.ToDictionary();

        var lines = ProgressLines.Diff(before, [Task("Pending", "False", "EndpointNotReady", null)], s_at);

        Assert.Equal(["09:05:07 citask/build: Pending Ready=False EndpointNotReady"], lines);
    }

    [Fact]
    public void DeletedObjects_AreShownAsDeleted()
    {
        var before = new[] { Endpoint("True", "Verified"), Task("Succeeded", "True", "Succeeded", 4) }.ToDictionary();

        var lines = ProgressLines.Diff(before, [Endpoint("True", "Verified")], s_at);

        Assert.Equal(["09:05:07 citask/build: deleted"], lines);
    }

    [Fact]
    public void StateFromObjects_WithoutStatus_IsPendingWithUnknownReadiness()
    {
        var task = new CiTask { Metadata = new ObjectMeta { Name = "build" } };
        var endpoint = new JenkinsEndpoint { Metadata = new ObjectMeta { Name = "jenkins-prod" } };

        Assert.Equal("Pending Ready=-", ProgressState.Of(task).Value.ToString());
        Assert.Equal("Ready=-", ProgressState.Of(endpoint).Value.ToString());
    }

    [Fact]
    public void StateFromObjects_ReadsPhaseBuildAndReadyCondition()
    {
        var task = new CiTask
        {
            Metadata = new ObjectMeta { Name = "build" },
            Status = new CiTaskStatus
            {
                Phase = "Failed",
                CurrentRun = new CiTaskRun { BuildNumber = 7 },
                Conditions = [new Condition { Type = "Ready", Status = "False", Reason = "TimedOut" }],
            },
        };

        var (key, state) = ProgressState.Of(task);

        Assert.Equal("citask/build", key);
        Assert.Equal("Failed build=7 Ready=False TimedOut", state.ToString());
    }

    private static Dictionary<string, ProgressState> Empty => [];

    private static KeyValuePair<string, ProgressState> Endpoint(string ready, string reason) =>
        new("jenkinsendpoint/jenkins-prod", new ProgressState(ready, reason));

    private static KeyValuePair<string, ProgressState> Task(string phase, string ready, string reason, long? build) =>
        new("citask/build", new ProgressState(ready, reason, phase, build));
}
