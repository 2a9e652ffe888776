using System.Text.Json.Nodes;
using CiBridge.Sandbox.ApiServer.Http;
using CiBridge.Sandbox.ApiServer.Selectors;

namespace CiBridge.Sandbox.Tests.ApiServer.Units;

/// <summary>The sandbox reads selectors with the runtime's matcher; these check what it adds: kube's 400 and the JSON form.</summary>
public sealed class LabelSelectorTests
{
    [Theory]
    [InlineData("tier in web")]
    [InlineData("=web")]
    [InlineData("replicas>three")]
    public void Parse_Malformed_IsBadRequest(string selector)
    {
        var error = Assert.Throws<ApiException>(() => LabelSelectors.Parse(selector));
        Assert.Equal(400, error.Code);
        Assert.Contains($"found '{selector}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromObject_ReadsMatchLabelsAndMatchExpressions()
    {
        var selector = JsonNode.Parse("""{"matchLabels":{"env":"prod"},"matchExpressions":[{"key":"tier","operator":"In","values":["web","db"]}]}""")!.AsObject();

        var matcher = LabelSelectors.FromObject(selector);

        Assert.True(matcher.Matches(new Dictionary<string, string> { ["env"] = "prod", ["tier"] = "db" }));
        Assert.False(matcher.Matches(new Dictionary<string, string> { ["env"] = "prod", ["tier"] = "cache" }));
    }

    [Fact]
    public void FromObject_UnknownOperator_IsBadRequest()
    {
        var selector = JsonNode.Parse("""{"matchExpressions":[{"key":"tier","operator":"Has"}]}""")!.AsObject();

        Assert.Equal(400, Assert.Throws<ApiException>(() => LabelSelectors.FromObject(selector)).Code);
    }
}
