using System.Text.Json;
using System.Text.Json.Nodes;
using CiBridge.Entities;
using CiBridge.Entities.CiTasks;
using CiBridge.Entities.Conditions;
using CiBridge.Entities.JenkinsEndpoints;
using CiBridge.Entities.Validation;
using CiBridge.Kubernetes.Models;
using CiBridge.Operator.Configuration;
using CiBridge.Operator.Tests.Controllers.Support;
using CiBridge.Operator.Webhooks;
using CiBridge.TestKit.Fuzz;
using FsCheck;
using FsCheck.Fluent;

namespace CiBridge.Operator.Tests.Fuzz;

/// <summary>
/// Generated manifests, valid and mutated, through the admission validator and the reconcilers:
/// every denial names a field in a user's terms, nothing throws, and whatever the reconcilers
/// write fits the status schema. Each property runs at least <see cref="Cases"/> cases and prints
/// its counts; on a failure FsCheck prints the seed that replays it.
/// </summary>
public sealed class ManifestProperties
{
    private const int Cases = 500;

    [Fact]
    public void AdmissionReview_AnyManifest_IsAllowedOrDeniedNamingAField_NeverThrows()
    {
        var validator = new AdmissionValidator(new ApprovedProviderList(ApprovedProviders.Default));
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var property = Prop.ForAll(Manifests.Any(Objects.Namespace).ToArbitrary(), manifest =>
        {
            var response = validator.Review(Request(manifest));
            var message = response.Status?.Message ?? "";
            Count(counts, response.Allowed ? "allowed" : $"denied {response.Status?.Code}");
            if (response.Allowed) return true.ToProperty();
            return (message.StartsWith("spec", StringComparison.Ordinal) || message.StartsWith("metadata", StringComparison.Ordinal))
                .And(!message.Contains("System.", StringComparison.Ordinal))
                .And(!message.Contains("could not be validated", StringComparison.Ordinal))
                .Label($"denial \"{message}\" for {manifest}");
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(Cases), property);
        Report("admission", counts);
    }

    [Fact]
    public void Reconcilers_AnyDecodableManifest_EndWithAReasonedStatus_ThatFitsTheSchema()
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var property = Prop.ForAll(Manifests.Any(Objects.Namespace).ToArbitrary(), manifest =>
        {
            var verdict = ReconcileAsync(manifest).GetAwaiter().GetResult();
            Count(counts, verdict.Count);
            return (verdict.Problem is null).Label($"{verdict.Problem} for {manifest}");
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(Cases), property);
        Report("reconcilers", counts);
    }

    private static async Task<(string Count, string? Problem)> ReconcileAsync(Manifest manifest)
    {
        var harness = await new Harness().WithVerifiedEndpointAsync();
        harness.Jenkins.Jobs["platform/build"] = FakeJenkins.Job("platform/build", parameters: FakeJenkins.StringParameter("BRANCH"));
        return manifest.Kind == CiTask.KindName
            ? await ReconcileTaskAsync(harness, manifest.Body)
            : await ReconcileEndpointAsync(harness, manifest.Body);
    }

    private static async Task<(string, string?)> ReconcileTaskAsync(Harness harness, JsonObject manifest)
    {
        if (Decode<CiTask>(harness, manifest) is not { Spec: not null } task) return ("CiTask undecodable", null);
        task.Metadata.Name = Harness.TaskKey.Name;
        await harness.Api.CreateAsync(task, Harness.Ct);
        for (var i = 0; i < 3; i++) await harness.Tasks.ReconcileAsync(Harness.TaskKey, Harness.Ct);
        var status = (await harness.GetAsync<CiTask>(Harness.TaskKey))!.Status;
        var ready = Conditions.Find(status?.Conditions, ConditionTypes.Ready);
        var runs = new[] { status?.CurrentRun }.Concat(status?.History ?? []).OfType<CiTaskRun>();
        var tooLong = runs.Any(r => Longer(r.Revision, CiTaskRun.MaxRevisionLength) || Longer(r.Job, CiTaskRun.MaxJobLength))
            || Longer(status?.LastHandledRunRequest, CiTaskStatus.MaxRunRequestLength);
        var problem = ready is null ? "no Ready condition"
            : ready.Reason == TaskReasons.ReconciliationFailed ? $"unexpected failure: {ready.Message}"
            : tooLong ? "a status value longer than its schema allows" : null;
        return ($"CiTask {ready?.Reason}", problem);
    }

    private static async Task<(string, string?)> ReconcileEndpointAsync(Harness harness, JsonObject manifest)
    {
        if (Decode<JenkinsEndpoint>(harness, manifest) is not { Spec: not null } endpoint) return ("JenkinsEndpoint undecodable", null);
        endpoint.Metadata.Name = "fuzzed";
        await harness.Api.CreateAsync(endpoint, Harness.Ct);
        var key = new Kubernetes.Controllers.ObjectKey(Objects.Namespace, "fuzzed");
        await harness.Endpoints.ReconcileAsync(key, Harness.Ct);
        var status = (await harness.GetAsync<JenkinsEndpoint>(key))!.Status;
        var ready = Conditions.Find(status?.Conditions, ConditionTypes.Ready);
        var problem = ready is null ? "no Ready condition"
            : ready.Reason == EndpointReasons.ReconciliationFailed ? $"unexpected failure: {ready.Message}"
            : Longer(status?.LastHandledVerifyRequest, JenkinsEndpointStatus.MaxVerifyRequestLength) ? "a status value longer than its schema allows" : null;
        return ($"JenkinsEndpoint {ready?.Reason}", problem);
    }

    /// <summary>The typed object, or null where the API server's schema would refuse the manifest's types.</summary>
    private static T? Decode<T>(Harness harness, JsonObject manifest) where T : class
    {
        try
        {
            return manifest.Deserialize<T>(harness.Json);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    private static bool Longer(string? value, int max) => value is not null && value.EnumerateRunes().Count() > max;

    private static AdmissionRequest Request(Manifest manifest)
    {
        var review = new JsonObject
        {
            ["apiVersion"] = "admission.k8s.io/v1",
            ["kind"] = "AdmissionReview",
            ["request"] = new JsonObject
            {
                ["uid"] = "fuzz",
                ["kind"] = new JsonObject { ["group"] = CiBridgeApi.Group, ["version"] = "v1alpha1", ["kind"] = manifest.Kind },
                ["operation"] = "CREATE",
                ["namespace"] = Objects.Namespace,
                ["object"] = manifest.Body.DeepClone(),
            },
        };
        return JsonSerializer.Deserialize(review.ToJsonString(), WebhookJsonContext.Default.AdmissionReview)!.Request!;
    }

    private static void Count(Dictionary<string, int> counts, string key) => counts[key] = counts.GetValueOrDefault(key) + 1;

    private static void Report(string name, Dictionary<string, int> counts)
    {
        var total = counts.Values.Sum();
        var summary = $"{name}: {total} cases; {string.Join(", ", counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}={c.Value}"))}";
        TestContext.Current.TestOutputHelper?.WriteLine(summary);
        TestContext.Current.SendDiagnosticMessage(summary);
        Assert.True(total >= Cases, summary);
    }
}
