using System.Text;
using CiBridge.Entities.CiTasks;
using CiBridge.Entities.JenkinsEndpoints;
using CiBridge.Kubernetes.Controllers;
using CiBridge.Kubernetes.Models;
using CiBridge.Sandbox.Jenkins;
using CiBridge.TestKit;

namespace CiBridge.EndToEnd.Tests;

/// <summary>What a user does in a namespace: create Secrets, endpoints and tasks, and watch their status.</summary>
public sealed class Scenario(OperatorEnvironment environment, string ns)
{
    public const string EndpointName = "jenkins";
    public const string CredentialsName = "jenkins-credentials";

    public string Namespace => ns;

    public OperatorEnvironment Environment => environment;

    public static async Task<Scenario> StartAsync(OperatorEnvironment environment) =>
        new(environment, await environment.CreateNamespaceAsync(Ct));

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async Task CreateCredentialsAsync(string token, string name = CredentialsName) =>
        await environment.Client.CreateAsync(new Secret
        {
            Metadata = new ObjectMeta { Name = name, Namespace = ns },
            Data = new() { ["username"] = Encoding.UTF8.GetBytes(JenkinsStandInExample.User), ["token"] = Encoding.UTF8.GetBytes(token) },
        }, Ct);

    public async Task<JenkinsEndpoint> CreateEndpointAsync(Uri? url = null, string name = EndpointName) =>
        await environment.Client.CreateAsync(new JenkinsEndpoint
        {
            Metadata = new ObjectMeta { Name = name, Namespace = ns },
            Spec = new JenkinsEndpointSpec
            {
                Url = (url ?? environment.Jenkins.BaseAddress).ToString(),
                AllowInsecureHttp = true,
                CredentialsSecretRef = new LocalObjectReference { Name = CredentialsName },
            },
        }, Ct);

    /// <summary>A verified endpoint with the stand-in's example credentials.</summary>
    public async Task ReadyEndpointAsync()
    {
        await CreateCredentialsAsync(JenkinsStandInExample.ApiToken);
        await CreateEndpointAsync();
        await EndpointAsync(e => Conditions.IsTrue(e.Status?.Conditions, "Ready"), "endpoint Ready");
    }

    public async Task<CiTask> CreateTaskAsync(string name, string job, Action<CiTaskSpec>? change = null)
    {
        var spec = new CiTaskSpec { EndpointRef = new EndpointReference { Name = EndpointName }, Job = job, Revision = "r1" };
        change?.Invoke(spec);
        return await environment.Client.CreateAsync(new CiTask { Metadata = new ObjectMeta { Name = name, Namespace = ns }, Spec = spec }, Ct);
    }

    public Task<JenkinsEndpoint> EndpointAsync(Func<JenkinsEndpoint, bool> holds, string what, string name = EndpointName, TimeSpan? timeout = null) =>
        Eventually.HoldsAsync(async () => (await environment.Client.GetAsync<JenkinsEndpoint>(new ObjectKey(ns, name), Ct))!,
            e => e is not null && holds(e), what, timeout, Ct);

    public Task<CiTask> TaskAsync(string name, Func<CiTask, bool> holds, string what, TimeSpan? timeout = null) =>
        Eventually.HoldsAsync(async () => (await environment.Client.GetAsync<CiTask>(new ObjectKey(ns, name), Ct))!,
            t => t is not null && holds(t), what, timeout, Ct);

    /// <summary>Waits until the task's Succeeded condition is True or False, and returns the task.</summary>
    public Task<CiTask> FinishedAsync(string name, TimeSpan? timeout = null) =>
        TaskAsync(name, t => Conditions.Find(t.Status?.Conditions, "Succeeded")?.Status is "True" or "False"
            && t.Status?.ObservedGeneration == t.Metadata.Generation && t.Status?.CurrentRun?.Result is not null, $"{name} finished", timeout);

    /// <summary>
    /// The invariants every scenario ends with, over every object of the namespace: Ready present,
    /// observedGeneration not ahead, PascalCase reasons, and none of <paramref name="secrets"/> in
    /// status, Events or the operator's logs.
    /// </summary>
    public async Task AssertInvariantsAsync(params string[] secrets)
    {
        var list = new Kubernetes.Client.ListOptions { Namespace = ns };
        foreach (var endpoint in (await environment.Client.ListAsync<JenkinsEndpoint>(list, Ct)).Items)
        {
            StatusInvariants.AssertHold(endpoint, endpoint.Status?.Conditions, endpoint.Status?.ObservedGeneration, environment.Json, secrets);
        }
        foreach (var task in (await environment.Client.ListAsync<CiTask>(list, Ct)).Items)
        {
            StatusInvariants.AssertHold(task, task.Status?.Conditions, task.Status?.ObservedGeneration, environment.Json, secrets);
        }
        var events = (await environment.Client.ListAsync<Event>(list, Ct)).Items;
        Assert.NotEmpty(environment.Logs.Lines);   // a capture that saw nothing would prove nothing
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(events, e => e.Message?.Contains(secret, StringComparison.Ordinal) == true);
            Assert.DoesNotContain(environment.Logs.Lines, l => l.Contains(secret, StringComparison.Ordinal));
        }
    }

    /// <summary>Builds the stand-in received for a job whose run id starts with this task's uid.</summary>
    public IReadOnlyList<Sandbox.Jenkins.Model.ReceivedBuild> BuildsOf(CiTask task, string job) =>
        [.. environment.Jenkins.ReceivedBuilds().Where(b => b.JobPath == job
            && b.Parameters.TryGetValue("CIBRIDGE_RUN_ID", out var id) && id.StartsWith(task.Metadata.Uid!.Replace("-", "", StringComparison.Ordinal)[..8], StringComparison.Ordinal))];
}
