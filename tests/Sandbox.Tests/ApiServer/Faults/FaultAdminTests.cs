using System.Text.Json.Nodes;

namespace CiBridge.Sandbox.Tests.ApiServer.Faults;

/// <summary><c>/sandbox/faults</c>: rules set, read and cleared over HTTP; bad rules name their field.</summary>
public sealed class FaultAdminTests
{
    private const string Admin = "/sandbox/faults";

    [Fact]
    public async Task PostedRules_TakeEffect_AreListedWithCounts_AndDeleteClearsThem()
    {
        await using var f = await FaultServer.StartAsync();
        var posted = await f.Client.PostAsync(Admin, JsonNode.Parse("""{"seed": 9, "rules": [{"kind": "Error", "status": 503, "verb": "get", "resource": "namespaces", "times": 1}]}""")!);

        var failed = await f.Client.GetAsync("/api/v1/namespaces/default");
        var listed = await f.Client.GetAsync(Admin);
        var cleared = await f.Client.DeleteAsync(Admin);

        Assert.Equal(200, posted.Code);
        Assert.Equal(9, posted.Body!["seed"]!.GetValue<int>());
        Assert.Equal("Error", posted.Body!["rules"]![0]!["kind"]!.ToString());
        Assert.Equal(503, failed.Code);
        Assert.Equal(1, listed.Body!["injected"]!["Error503"]!.GetValue<long>());
        Assert.Empty(listed.Body!["rules"]!.AsArray());
        Assert.Equal(200, cleared.Code);
        Assert.Equal(200, (await f.Client.GetAsync("/api/v1/namespaces/default")).Code);
    }

    [Theory]
    [InlineData("""{"kind": "Explode"}""", "rule.kind: \"Explode\" is not one of")]
    [InlineData("""{"kind": "Error", "status": 418}""", "rule: status must be one of")]
    [InlineData("""{"kind": "Error", "probability": "often"}""", "rule.probability: must be a number")]
    [InlineData("""{"kind": "Latency", "delay": 5}""", "rule.delay: unknown field")]
    [InlineData("""{"rules": [{"kind": "Latency"}, {"kind": "Error", "times": 0}]}""", "rules[1]: times must be at least 1")]
    public async Task BadRule_Is400_NamingTheField_AndAddsNothing(string body, string expected)
    {
        await using var f = await FaultServer.StartAsync();

        var answer = await f.Client.PostAsync(Admin, JsonNode.Parse(body)!);

        Assert.Equal(400, answer.Code);
        Assert.Contains(expected, answer.Message, StringComparison.Ordinal);
        Assert.Empty(f.Faults.Rules);
    }

    [Fact]
    public async Task Admin_NeedsTheToken()
    {
        await using var f = await FaultServer.StartAsync();
        using var anonymous = new HttpClient(new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, _, _, _) => true }) { BaseAddress = f.Server.BaseAddress };

        using var answer = await anonymous.DeleteAsync(Admin, TestContext.Current.CancellationToken);

        Assert.Equal(401, (int)answer.StatusCode);
    }
}
