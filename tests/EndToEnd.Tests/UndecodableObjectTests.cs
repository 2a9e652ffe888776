using System.Text.Json.Nodes;
using CiBridge.Entities;
using CiBridge.Entities.CiTasks;
using CiBridge.Kubernetes.Client;
using CiBridge.Kubernetes.Controllers;
using CiBridge.Kubernetes.Models;
using CiBridge.TestKit;

namespace CiBridge.EndToEnd.Tests;

/// <summary>
/// One CiTask the operator's types cannot read ("retries": 3.0, planted past the sandbox's checks as
/// a server that does not normalise numbers would keep it) must not stop the others.
/// </summary>
public sealed class UndecodableObjectTests
{
    [Fact]
    public async Task OneUndecodableCiTask_IsSkippedWithAWarning_TheOthersReconcile_AndItIsReadAgainWhenChanged()
    {
        await using var environment = await OperatorEnvironment.StartAsync(Scenario.Ct);
        SharedEnvironment.AddTestJobs(environment.Jenkins);
        var scenario = await Scenario.StartAsync(environment);
        await scenario.ReadyEndpointAsync();

        Plant(environment, scenario.Namespace, "poison", "3.0");
        await scenario.CreateTaskAsync("good", SharedEnvironment.Quick);

        var good = await scenario.FinishedAsync("good");
        Assert.Equal("True", Conditions.Find(good.Status!.Conditions, "Succeeded")!.Status);
        var warning = await Eventually.HoldsAsync(() => UndecodableEventsAsync(environment, scenario.Namespace), e => e.Count > 0, "a Warning Event on the poison task", ct: Scenario.Ct);
        Assert.Contains("spec.retries", warning[0].Message, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", warning[0].Message, StringComparison.Ordinal);
        Assert.Single(environment.Logs.Lines, l => l.Contains("poison", StringComparison.Ordinal) && l.Contains("spec.retries", StringComparison.Ordinal));

        Plant(environment, scenario.Namespace, "poison", "3");
        var healed = await scenario.FinishedAsync("poison");
        Assert.Equal("True", Conditions.Find(healed.Status!.Conditions, "Succeeded")!.Status);
    }

    [Fact]
    public async Task AnUndecodableCiTask_CanBeDeleted()
    {
        await using var environment = await OperatorEnvironment.StartAsync(Scenario.Ct);
        var scenario = await Scenario.StartAsync(environment);
        Plant(environment, scenario.Namespace, "poison", "2.5");

        Assert.True(await environment.Client.DeleteAsync<CiTask>(new ObjectKey(scenario.Namespace, "poison"), Scenario.Ct));

        await Eventually.HoldsAsync(async () => await environment.Client.GetAsync<CiTask>(new ObjectKey(scenario.Namespace, "poison"), Scenario.Ct), t => t is null, "poison gone", ct: Scenario.Ct);
    }

    [Fact]
    public async Task AnUndecodableCiTaskHoldingOurFinalizer_IsDeletedAnyway_AndTheLogSaysSo()
    {
        await using var environment = await OperatorEnvironment.StartAsync(Scenario.Ct);
        var scenario = await Scenario.StartAsync(environment);
        Plant(environment, scenario.Namespace, "poison", "3.0", finalizer: CiBridgeApi.Finalizer);

        Assert.True(await environment.Client.DeleteAsync<CiTask>(new ObjectKey(scenario.Namespace, "poison"), Scenario.Ct));

        await Eventually.HoldsAsync(() => ExistsAsync(environment, new ObjectKey(scenario.Namespace, "poison")), exists => !exists, "poison gone", ct: Scenario.Ct);
        await Eventually.HoldsAsync(
            () => environment.Logs.Lines.Any(l => l.Contains("poison", StringComparison.Ordinal) && l.Contains("removed finalizer", StringComparison.Ordinal)),
            "the log to say the finalizer was removed without cleanup", ct: Scenario.Ct);
    }

    /// <summary>Writes a CiTask with <paramref name="retries"/> as literal JSON text, straight into storage.</summary>
    private static void Plant(OperatorEnvironment environment, string ns, string name, string retries, string? finalizer = null)
    {
        var finalizers = finalizer is null ? "" : $$$""","finalizers":["{{{finalizer}}}"]""";
        var json = $$$"""
            {"apiVersion":"{{{CiBridgeApi.ApiVersion}}}","kind":"CiTask",
             "metadata":{"name":"{{{name}}}","namespace":"{{{ns}}}","uid":"{{{Guid.NewGuid()}}}","generation":1,"creationTimestamp":"2026-01-01T00:00:00Z"{{{finalizers}}}},
             "spec":{"endpointRef":{"kind":"JenkinsEndpoint","name":"{{{Scenario.EndpointName}}}"},"job":"{{{SharedEnvironment.Quick}}}","revision":"r1","retries":{{{retries}}}}}
            """;
        environment.Api.RawStore.Put(CiBridgeApi.Group, "citasks", JsonNode.Parse(json)!.AsObject());
    }

    /// <summary>Whether the object is stored; it still cannot be read, so reading it fails while it exists.</summary>
    private static async Task<bool> ExistsAsync(OperatorEnvironment environment, ObjectKey key)
    {
        try
        {
            return await environment.Client.GetAsync<CiTask>(key, Scenario.Ct) is not null;
        }
        catch (System.Text.Json.JsonException)
        {
            return true;
        }
    }

    private static async Task<List<Event>> UndecodableEventsAsync(OperatorEnvironment environment, string ns) =>
        [.. (await environment.Client.ListAsync<Event>(new ListOptions { Namespace = ns }, Scenario.Ct)).Items
            .Where(e => e.Reason == "Undecodable" && e.InvolvedObject.Name == "poison" && e.Type == "Warning")];
}
