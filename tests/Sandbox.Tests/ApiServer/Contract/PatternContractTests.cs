using System.Text.Json.Nodes;
using CiBridge.Sandbox.Tests.ApiServer.Support;

namespace CiBridge.Sandbox.Tests.ApiServer.Contract;

/// <summary>CRD patterns are Go regular expressions (RE2): what they accept, and which ones a CRD may hold.</summary>
public sealed class PatternContractTests
{
    [Theory]
    [MemberData(nameof(ClusterTarget.All), MemberType = typeof(ClusterTarget))]
    public async Task DollarIsTheEndOfTheText_AndPerlClassesAreAscii(string target)
    {
        using var client = await ClusterTarget.ConnectAsync(target);
        await ProbeCrd.InstallAsync(client);
        var ns = await Namespaces.CreateAsync(client);
        var rejected = await client.PostAsync(ProbeCrd.Probes(ns), ProbeCrd.Probe("rejected", new JsonObject
        {
            ["lower"] = "abc\n",
            ["word"] = "h\u00E9llo",
            ["space"] = "\u00A0",
            ["digits"] = "\u0663",
        }));
        Assert.Equal(422, rejected.Code);
        var fields = rejected.Body!["details"]!["causes"]!.AsArray().Select(c => c!["field"]!.ToString()).Order().ToList();
        Assert.Equal(["spec.digits", "spec.lower", "spec.space", "spec.word"], fields);
        Assert.Contains("spec.lower: Invalid value: \"abc\\n\": spec.lower in body should match '^[a-z]+$'", rejected.Message, StringComparison.Ordinal);

        var accepted = await client.PostAsync(ProbeCrd.Probes(ns), ProbeCrd.Probe("accepted", new JsonObject
        {
            ["lower"] = "abc",
            ["space"] = "\t",
            ["boundary"] = "\u00E9id\u00E9",
            ["one"] = "\U0001F600",
        }));
        Assert.Equal(201, accepted.Code);
    }

    [Theory]
    [MemberData(nameof(ClusterTarget.All), MemberType = typeof(ClusterTarget))]
    public async Task CrdWithAPatternRe2Lacks_IsRejectedAtCreate(string target)
    {
        using var client = await ClusterTarget.ConnectAsync(target);
        var crd = ProbeCrd.Definition("lookarounds", "Lookaround", new JsonObject { ["x"] = new JsonObject { ["type"] = "string", ["pattern"] = "^(?!admin)[a-z]+$" } });
        var response = await client.PostAsync("/apis/apiextensions.k8s.io/v1/customresourcedefinitions", crd);
        Assert.Equal(422, response.Code);
        var cause = response.Body!["details"]!["causes"]!.AsArray().Single(c => c!["field"]!.ToString().EndsWith(".properties[x].pattern", StringComparison.Ordinal))!;
        Assert.Equal("FieldValueInvalid", cause["reason"]!.ToString());
        Assert.Equal("Invalid value: \"^(?!admin)[a-z]+$\": must be a valid regular expression, but isn't: error parsing regexp: invalid or unsupported Perl syntax: `(?!`", cause["message"]!.ToString());
    }
}
