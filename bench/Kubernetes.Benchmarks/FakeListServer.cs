using System.Net;
using System.Text;
using System.Text.Json;
using CiBridge.Entities;
using CiBridge.Entities.CiTasks;
using CiBridge.Kubernetes.Models;

namespace CiBridge.Kubernetes.Benchmarks;

/// <summary>Answers one list of realistic CiTasks, then holds every watch open; no network involved.</summary>
internal sealed class FakeListServer(int count) : HttpMessageHandler
{
    private readonly byte[] _list = BuildList(count);

    public int ListBytes => _list.Length;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri!.Query.Contains("watch=true", StringComparison.Ordinal))
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(_list) };
    }

    public static CiTask MakeTask(int i)
    {
        var now = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddSeconds(i);
        return new CiTask
        {
            Metadata = new ObjectMeta
            {
                Name = $"task-{i:D5}",
                Namespace = $"team-{i % 20}",
                Uid = Guid.NewGuid().ToString(),
                ResourceVersion = $"{1000 + i}",
                Generation = 3,
                CreationTimestamp = now,
                Finalizers = [CiBridgeApi.Finalizer],
                Labels = new() { ["app.kubernetes.io/part-of"] = "platform", ["team"] = $"team-{i % 20}" },
            },
            Spec = new CiTaskSpec
            {
                EndpointRef = new EndpointReference { Kind = "JenkinsEndpoint", Name = $"jenkins-{i % 5}" },
                Job = $"platform/process/build-{i % 50}",
                Revision = $"{i:x8}3f2c9e1",
                Timeout = "30m",
                Parameters = [new TaskParameter { Name = "BRANCH", Value = "master" }, new TaskParameter { Name = "TARGET", Value = $"env-{i % 3}" }],
            },
            Status = Status(i, now),
        };
    }

    private static CiTaskStatus Status(int i, DateTimeOffset now) =>
            new()
            {
                ObservedGeneration = 3,
                Phase = CiTaskPhases.Succeeded,
                Conditions =
                [
                    new Condition { Type = "Ready", Status = nameof(ConditionStatus.True), Reason = "Succeeded", Message = "build 12 succeeded", LastTransitionTime = now, ObservedGeneration = 3 },
                    new Condition { Type = "Succeeded", Status = nameof(ConditionStatus.True), Reason = "Succeeded", Message = "build 12 succeeded", LastTransitionTime = now, ObservedGeneration = 3 },
                ],
                CurrentRun = new CiTaskRun
                {
                    RunId = $"run-{i}-3",
                    Generation = 3,
                    Attempt = 1,
                    Revision = $"{i:x8}3f2c9e1",
                    QueueItemId = 4000 + i,
                    BuildNumber = 12,
                    BuildUrl = $"https://jenkins.example.com/job/platform/job/process/job/build-{i % 50}/12/",
                    Result = "SUCCESS",
                    TriggerTime = now,
                    StartTime = now,
                    CompletionTime = now.AddMinutes(4),
                    Duration = "4m0s",
                },
            };

    private static byte[] BuildList(int count)
    {
        var text = new StringBuilder("""{"kind":"CiTaskList","apiVersion":"cibridge.dev/v1alpha1","metadata":{"resourceVersion":"99999"},"items":[""");
        for (var i = 0; i < count; i++)
        {
            if (i > 0) text.Append(',');
            text.Append(JsonSerializer.Serialize(MakeTask(i), EntitiesJsonContext.Default.CiTask));
        }
        return Encoding.UTF8.GetBytes(text.Append("]}").ToString());
    }
}
