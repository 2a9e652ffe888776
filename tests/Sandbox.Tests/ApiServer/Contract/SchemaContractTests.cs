using System.Text.Json.Nodes;
using CiBridge.Sandbox.Tests.ApiServer.Support;

namespace CiBridge.Sandbox.Tests.ApiServer.Contract;

/// <summary>Custom resources: pruning, defaults, strict field validation and 422 causes.</summary>
public sealed class SchemaContractTests
{
    [Theory]
    [MemberData(nameof(ClusterTarget.All), MemberType = typeof(ClusterTarget))]
    public async Task UnknownFields_ArePruned_AndReportedAsWarnings(string target)
    {
        using var client = await ClusterTarget.ConnectAsync(target);
        var ns = await Namespaces.CreateAsync(client);
        var task = Objects.CiTask("pruned", extraSpec: new JsonObject { ["color"] = "blue" });
        task["extra"] = "field";
        var created = await client.PostAsync(Objects.CiTasks(ns), task);
        Assert.Equal(201, created.Code);
        Assert.Null(created.Object["spec"]!["color"]);
        Assert.Null(created.Object["extra"]);
        Assert.Contains(created.Warnings, w => w.Contains("unknown field", StringComparison.Ordinal) && w.Contains("spec.color", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(ClusterTarget.All), MemberType = typeof(ClusterTarget))]
    public async Task UnknownFields_WithStrictValidation_AreBadRequest(string target)
    {
        using var client = await ClusterTarget.ConnectAsync(target);
        var ns = await Namespaces.CreateAsync(client);
        var task = Objects.CiTask("strict", extraSpec: new JsonObject { ["color"] = "blue" });
        var response = await client.PostAsync(Objects.CiTasks(ns) + "?fieldValidation=Strict", task);
        Assert.Equal(400, response.Code);
        Assert.Contains("unknown field \"spec.color\"", response.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ClusterTarget.All), MemberType = typeof(ClusterTarget))]
    public async Task Defaults_AreApplied(string target)
    {
        using var client = await ClusterTarget.ConnectAsync(target);
        var ns = await Namespaces.CreateAsync(client);
        var task = Objects.CiTask("defaulted");
        task["spec"]!["endpointRef"]!.AsObject().Remove("kind");
        var created = await client.PostAsync(Objects.CiTasks(ns), task);
        Assert.Equal(201, created.Code);
        Assert.Equal("JenkinsEndpoint", created.Object["spec"]!["endpointRef"]!["kind"]!.ToString());
    }

    [Theory]
    [MemberData(nameof(ClusterTarget.All), MemberType = typeof(ClusterTarget))]
    public async Task InvalidSpec_Is422WithACausePerField(string target)
    {
        using var client = await ClusterTarget.ConnectAsync(target);
        var ns = await Namespaces.CreateAsync(client);
        var task = Objects.CiTask("invalid");
        task["spec"]!.AsObject().Remove("job");
        task["spec"]!["endpointRef"]!["kind"] = "jenkins";
        var response = await client.PostAsync(Objects.CiTasks(ns), task);
        Assert.Equal(422, response.Code);
        Assert.Equal("Invalid", response.Reason);
        var causes = response.Body!["details"]!["causes"]!.AsArray().Select(c => (c!["field"]?.ToString(), c["reason"]?.ToString())).ToList();
        Assert.Contains(("spec.job", "FieldValueRequired"), causes);
        Assert.Contains(("spec.endpointRef.kind", "FieldValueInvalid"), causes);
        Assert.StartsWith("CiTask.cibridge.dev \"invalid\" is invalid: [", response.Message, StringComparison.Ordinal);
    }
}
