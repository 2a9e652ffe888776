using CiBridge.Kubernetes.Cache;
using CiBridge.Kubernetes.Models;

namespace CiBridge.Kubernetes.Tests.Cache;

public sealed class LabelSelectorMatcherTests
{
    private static readonly Dictionary<string, string> s_labels = new() { ["tier"] = "web", ["env"] = "prod", ["replicas"] = "3" };

    [Theory]
    [InlineData("equals", "tier=web", true)]
    [InlineData("double equals", "tier==db", false)]
    [InlineData("not equals on missing key", "team!=x", true)]
    [InlineData("in", "tier in (db, web)", true)]
    [InlineData("notin", "tier notin (web)", false)]
    [InlineData("notin on missing key", "team notin (a)", true)]
    [InlineData("exists", "env", true)]
    [InlineData("does not exist", "!env", false)]
    [InlineData("greater than", "replicas>2", true)]
    [InlineData("less than", "replicas<3", false)]
    [InlineData("greater than on a label that is no number", "tier>2", false)]
    [InlineData("all must hold", "env=prod,tier in (db)", false)]
    [InlineData("commas inside a set", "tier in (db,web),env=prod", true)]
    [InlineData("empty selects everything", "", true)]
    public void Parse_Matches_AsKubeDoes(string name, string selector, bool expected)
    {
        Assert.True(LabelSelectorMatcher.Parse(selector).Matches(s_labels) == expected, name);
    }

    [Theory]
    [InlineData("tier in web")]
    [InlineData("=web")]
    [InlineData("replicas>three")]
    [InlineData("ti er=web")]
    public void Parse_Malformed_SaysWhichSelector(string selector)
    {
        var error = Assert.Throws<FormatException>(() => LabelSelectorMatcher.Parse(selector));

        Assert.Equal($"unable to parse requirement: found '{selector}', expected: valid label selector", error.Message);
    }

    [Fact]
    public void From_SelectorObject_CombinesMatchLabelsAndExpressions()
    {
        var selector = new LabelSelector
        {
            MatchLabels = new() { ["env"] = "prod" },
            MatchExpressions = [new LabelSelectorRequirement { Key = "tier", Operator = "NotIn", Values = ["db"] }, new LabelSelectorRequirement { Key = "team", Operator = "DoesNotExist" }],
        };

        Assert.True(LabelSelectorMatcher.From(selector).Matches(s_labels));
        Assert.False(LabelSelectorMatcher.From(selector).Matches(new Dictionary<string, string> { ["env"] = "prod", ["tier"] = "db" }));
        Assert.True(LabelSelectorMatcher.From(null).Matches(null));
    }

    [Fact]
    public void From_UnknownOperator_IsAFormatError()
    {
        var selector = new LabelSelector { MatchExpressions = [new LabelSelectorRequirement { Key = "tier", Operator = "Equals", Values = ["web"] }] };

        Assert.Equal("Equals is not a valid label selector operator", Assert.Throws<FormatException>(() => LabelSelectorMatcher.From(selector)).Message);
    }
}
