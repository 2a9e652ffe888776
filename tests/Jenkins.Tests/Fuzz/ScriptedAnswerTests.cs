using CiBridge.Jenkins.Errors;

namespace CiBridge.Jenkins.Tests.Fuzz;

/// <summary>Answers the property tests found mishandled, kept as fixed cases.</summary>
public sealed class ScriptedAnswerTests
{
    [Theory]
    [InlineData(302, "/login?from=%2Fjob%2Fx%2F", JenkinsErrorKind.LoginRedirect, "/login")]
    [InlineData(301, "/queue/item/12/", JenkinsErrorKind.Server, "/queue/item/12/")]
    public async Task RelativeRedirect_IsClassified_WithoutItsQuery(int status, string location, JenkinsErrorKind kind, string shown)
    {
        await using var server = await ScriptedJenkins.StartAsync();
        server.Answer = new WireAnswer(status, "text/html", "", location, XJenkins: true);
        using var client = new JenkinsClientFactory().Create(new JenkinsEndpointSettings { BaseUrl = server.BaseAddress, UserName = "u", Secret = "s", Options = new() { ReadRetries = 0 } });

        var error = await Assert.ThrowsAsync<JenkinsException>(() => client.GetJobAsync("x", TestContext.Current.CancellationToken));

        Assert.Equal(kind, error.Kind);
        Assert.Contains(shown, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("from=", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""[{"id":7}]""")]
    [InlineData("""{"id":"7"}""")]
    [InlineData("""{"id":1.5e300}""")]
    public async Task QueueItemOfTheWrongShape_IsNotJenkins(string body)
    {
        await using var server = await ScriptedJenkins.StartAsync();
        server.Answer = new WireAnswer(200, "application/json", body, null, XJenkins: true);
        using var client = new JenkinsClientFactory().Create(new JenkinsEndpointSettings { BaseUrl = server.BaseAddress, UserName = "u", Secret = "s", Options = new() { ReadRetries = 0 } });

        var error = await Assert.ThrowsAsync<JenkinsException>(() => client.GetQueueItemAsync(7, TestContext.Current.CancellationToken));

        Assert.Equal(JenkinsErrorKind.NotJenkins, error.Kind);
    }
}
