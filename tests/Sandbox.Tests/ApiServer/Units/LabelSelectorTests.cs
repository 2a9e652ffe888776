using CiBridge.Sandbox.ApiServer.Http;
using CiBridge.Sandbox.ApiServer.Selectors;

namespace CiBridge.Sandbox.Tests.ApiServer.Units;

public sealed class LabelSelectorTests
{
    private static readonly Dictionary<string, string> s_labels = new() { ["tier"] = "web", ["env"] = "prod", ["replicas"] = "3" };

    [Theory]
    [InlineData("equals", "tier=web", true)]
    [InlineData("double equals", "tier==db", false)]
    [InlineData("not equals on missing key", "team!=x", true)]
    [InlineData("in", "tier in (db, web)", true)]
    [InlineData("notin", "tier notin (web)", false)]
    [InlineData("exists", "env", true)]
    [InlineData("does not exist", "!env", false)]
    [InlineData("greater than", "replicas>2", true)]
    [InlineData("less than", "replicas<3", false)]
    [InlineData("all must hold", "env=prod,tier in (db)", false)]
    [InlineData("empty selects everything", "", true)]
    public void Parse_Matches_AsKubeDoes(string name, string selector, bool expected)
    {
        Assert.True(LabelSelector.Parse(selector).Matches(s_labels) == expected, name);
    }

    [Theory]
    [InlineData("tier in web")]
    [InlineData("=web")]
    [InlineData("replicas>three")]
    public void Parse_Malformed_IsBadRequest(string selector)
    {
        var error = Assert.Throws<ApiException>(() => LabelSelector.Parse(selector));
        Assert.Equal(400, error.Code);
    }
}
