using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CiBridge.Kubernetes.Yaml;
using CiBridge.TestKit;

namespace CiBridge.Operator.Tests.Health;

/// <summary>
/// The <c>healthCheckExprs</c> of examples/flux/ci-bridge.yaml applied to the status fixtures the
/// way Flux's kustomize-controller does (RFC-0009, fluxcd/pkg runtime/cel StatusEvaluator): a
/// <c>status.observedGeneration</c> that differs from <c>metadata.generation</c> is InProgress
/// without evaluating anything; then <c>inProgress</c>, <c>failed</c>, <c>current</c> in that
/// order, the first true one wins; none true is InProgress; an expression that reads a field the
/// object lacks is an evaluation error.
/// </summary>
/// <remarks>
/// No CEL engine runs here: the expressions are read with a pattern for the one form they use,
/// <c>status.conditions.exists(e, e.type == 'T' &amp;&amp; e.status == 'S')</c>, and the test fails
/// if an expression is written any other way, so the example cannot drift away from what is checked.
/// </remarks>
public sealed class FluxHealthCheckExprsTests
{
    private static readonly Regex s_conditionIs = new(
        @"^status\.conditions\.exists\(e, e\.type == '(?<type>\w+)' && e\.status == '(?<status>True|False|Unknown)'\)$");

    [Theory]
    [InlineData("citask-queued", "InProgress")]
    [InlineData("citask-running", "InProgress")]
    [InlineData("citask-retrying", "InProgress")]
    [InlineData("citask-new-generation", "InProgress")]
    [InlineData("citask-succeeded", "Current")]
    [InlineData("citask-stalled", "Failed")]
    [InlineData("citask-failed", "Failed")]
    [InlineData("citask-timed-out", "Failed")]
    [InlineData("citask-endpoint-not-ready", "Failed")]
    [InlineData("citask-deleted-endpoint", "Failed")]
    [InlineData("endpoint-verified", "Current")]
    [InlineData("endpoint-unreachable", "Failed")]
    [InlineData("endpoint-auth-failed", "Failed")]
    [InlineData("endpoint-not-approved", "Failed")]
    [InlineData("endpoint-new-generation", "InProgress")]
    public void ExampleExpressions_GiveTheDocumentedVerdict(string fixture, string expected)
    {
        var obj = StatusFixtures.Load(fixture);

        Assert.Equal(expected, Evaluate(ExpressionsFor(obj["kind"]!.GetValue<string>()), obj));
    }

    [Fact]
    public void BeforeTheFirstStatusWrite_TheExpressionsCannotBeEvaluated_AsDocsGitopsSays()
    {
        var obj = StatusFixtures.Load("citask-no-status");

        var error = Assert.Throws<InvalidOperationException>(() => Evaluate(ExpressionsFor("CiTask"), obj));

        Assert.Equal("no such attribute(s): status.conditions", error.Message);
    }

    [Fact]
    public void EveryKindOfOursHasExpressions_AndCurrentIsGiven()
    {
        Assert.NotNull(ExpressionsFor("CiTask")["current"]);
        Assert.NotNull(ExpressionsFor("JenkinsEndpoint")["current"]);
    }

    private static JsonObject ExpressionsFor(string kind)
    {
        var yaml = File.ReadAllText(RepositoryPaths.Combine("examples", "flux", "ci-bridge.yaml"));
        var kustomization = YamlJson.ReadDocuments(yaml).OfType<JsonObject>().Single(d => d["spec"]?["healthCheckExprs"] is not null);
        return kustomization["spec"]!["healthCheckExprs"]!.AsArray().OfType<JsonObject>()
            .Single(e => e["kind"]!.GetValue<string>() == kind && e["apiVersion"]!.GetValue<string>() == "cibridge.dev/v1alpha1");
    }

    private static string Evaluate(JsonObject expressions, JsonNode obj)
    {
        if (obj["status"]?["observedGeneration"] is { } observed && observed.GetValue<long>() != obj["metadata"]!["generation"]!.GetValue<long>())
        {
            return "InProgress";
        }
        foreach (var (field, verdict) in new[] { ("inProgress", "InProgress"), ("failed", "Failed"), ("current", "Current") })
        {
            if (expressions[field]?.GetValue<string>() is { } expression && ConditionIs(expression, obj)) return verdict;
        }
        return "InProgress";
    }

    private static bool ConditionIs(string expression, JsonNode obj)
    {
        var match = s_conditionIs.Match(expression);
        Assert.True(match.Success, $"this test understands only the form status.conditions.exists(e, e.type == 'T' && e.status == 'S'), not: {expression}");
        // cel-go's wording for a missing top-level field and for a missing key below it.
        if (obj["status"] is null) throw new InvalidOperationException("no such attribute(s): status.conditions");
        if (obj["status"]!["conditions"] is not JsonArray conditions) throw new InvalidOperationException("no such key: conditions");
        return conditions.Any(c => c!["type"]!.GetValue<string>() == match.Groups["type"].Value && c["status"]!.GetValue<string>() == match.Groups["status"].Value);
    }
}
