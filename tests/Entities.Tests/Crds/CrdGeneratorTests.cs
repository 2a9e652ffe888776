using System.Text.Json.Nodes;
using CiBridge.Entities.CiTasks;
using CiBridge.Entities.JenkinsEndpoints;
using CiBridge.Kubernetes.Crds;

namespace CiBridge.Entities.Tests.Crds;

public sealed class CrdGeneratorTests
{
    private static readonly JsonObject s_endpoint = CrdGenerator.Generate(typeof(JenkinsEndpoint));
    private static readonly JsonObject s_task = CrdGenerator.Generate(typeof(CiTask));

    [Fact]
    public void Names_FollowTheDesign()
    {
        var names = s_endpoint["spec"]!["names"]!;

        Assert.Equal("jenkinsendpoints.cibridge.dev", s_endpoint["metadata"]!["name"]!.GetValue<string>());
        Assert.Equal("""["je"]""", names["shortNames"]!.ToJsonString());
        Assert.Equal("""["cibridge"]""", names["categories"]!.ToJsonString());
        Assert.Equal("""["ct"]""", s_task["spec"]!["names"]!["shortNames"]!.ToJsonString());
        Assert.Equal("Namespaced", s_task["spec"]!["scope"]!.GetValue<string>());
    }

    [Fact]
    public void Version_HasStatusSubresource()
    {
        Assert.Equal("{}", Version(s_task)["subresources"]!["status"]!.ToJsonString());
    }

    [Theory]
    [InlineData("JenkinsEndpoint", "URL,Ready,Reason,Version,Jobs,Age")]
    [InlineData("CiTask", "Endpoint,Job,Succeeded,Reason,Build,StartTime,CompletionTime,Phase,Result,Age")]
    public void PrinterColumns_AreInDeclaredOrder(string kind, string expected)
    {
        var crd = kind == "CiTask" ? s_task : s_endpoint;

        var columns = Version(crd)["additionalPrinterColumns"]!.AsArray().Select(c => c!["name"]!.GetValue<string>());

        Assert.Equal(expected, string.Join(",", columns));
    }

    [Fact]
    public void Schema_CarriesDataAnnotationsAsOpenApiKeywords()
    {
        var spec = Schema(s_endpoint)["properties"]!["spec"]!;
        var authType = spec["properties"]!["authType"]!;

        Assert.Equal("""["url","credentialsSecretRef"]""", spec["required"]!.ToJsonString());
        Assert.Equal("""["Token","Password"]""", authType["enum"]!.ToJsonString());
        Assert.Equal("Token", authType["default"]!.GetValue<string>());
        Assert.Equal(2048, spec["properties"]!["url"]!["maxLength"]!.GetValue<int>());
        Assert.Equal(10, spec["properties"]!["jobDiscovery"]!["properties"]!["maxDepth"]!["maximum"]!.GetValue<long>());
        Assert.False(string.IsNullOrEmpty(spec["properties"]!["url"]!["description"]?.GetValue<string>()));
    }

    [Fact]
    public void Conditions_AreAListMapKeyedByType()
    {
        var conditions = Schema(s_task)["properties"]!["status"]!["properties"]!["conditions"]!;

        Assert.Equal("map", conditions["x-kubernetes-list-type"]!.GetValue<string>());
        Assert.Equal("""["type"]""", conditions["x-kubernetes-list-map-keys"]!.ToJsonString());
        Assert.Equal("date-time", conditions["items"]!["properties"]!["lastTransitionTime"]!["format"]!.GetValue<string>());
    }

    private static JsonNode Version(JsonObject crd) => crd["spec"]!["versions"]![0]!;

    private static JsonNode Schema(JsonObject crd) => Version(crd)["schema"]!["openAPIV3Schema"]!;
}
