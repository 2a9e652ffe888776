using System.Text;
using CiBridge.Entities.CiTasks;
using CiBridge.Entities.JenkinsEndpoints;
using CiBridge.Kubernetes.Models;

namespace CiBridge.Operator.Tests.Controllers.Support;

/// <summary>Objects as a user would apply them, for the controller tests.</summary>
internal static class Objects
{
    public const string Namespace = "team-a";
    public const string Token = "canary-token-4711";

    public static Secret Credentials(string token = Token) => new()
    {
        Metadata = new ObjectMeta { Namespace = Namespace, Name = "jenkins-credentials" },
        Data = new() { ["username"] = Encoding.UTF8.GetBytes("robot"), ["token"] = Encoding.UTF8.GetBytes(token) },
    };

    public static JenkinsEndpoint Endpoint(string name = "jenkins") => new()
    {
        Metadata = new ObjectMeta { Namespace = Namespace, Name = name },
        Spec = new JenkinsEndpointSpec { Url = "https://jenkins.test/", CredentialsSecretRef = new LocalObjectReference { Name = "jenkins-credentials" } },
    };

    public static CiTask Task(string name = "build", string job = "platform/build", long? generation = 1) => new()
    {
        Metadata = new ObjectMeta { Namespace = Namespace, Name = name, Uid = "0123456789abcdef", Generation = generation },
        Spec = new CiTaskSpec { EndpointRef = new EndpointReference { Name = "jenkins" }, Job = job, Revision = "3f2c9e1" },
    };

    /// <summary>A task whose current run is in the given state (as status records it).</summary>
    public static CiTask WithRun(this CiTask task, long? queueItem = null, long? build = null, string? result = null, int attempt = 1,
        DateTimeOffset? completed = null, long? generation = null)
    {
        task.Status ??= new CiTaskStatus();
        task.Status.CurrentRun = new CiTaskRun
        {
            RunId = "01234567-1",
            Generation = generation ?? task.Metadata.Generation,
            Job = task.Spec.Job,
            Attempt = attempt,
            QueueItemId = queueItem,
            BuildNumber = build,
            Result = result,
            CompletionTime = completed,
            TriggerTime = completed?.AddMinutes(-1),
        };
        return task;
    }
}
