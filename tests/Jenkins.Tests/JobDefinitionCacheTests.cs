using CiBridge.Jenkins.Errors;
using CiBridge.Jenkins.Models;
using CiBridge.Sandbox.Jenkins;
using CiBridge.Sandbox.Jenkins.Model;
using Microsoft.Extensions.Time.Testing;

namespace CiBridge.Jenkins.Tests;

public sealed class JobDefinitionCacheTests
{
    private static readonly TimeSpan s_ttl = TimeSpan.FromSeconds(30);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Definition_IsReusedWithinTheTtl_AndReadAgainAfterIt()
    {
        var time = new FakeTimeProvider();
        var jobs = new JobDefinitions(s_ttl, time);
        var reads = 0;
        Task<JenkinsJob> Read(CancellationToken _) => Task.FromResult(Job($"v{++reads}"));

        var first = await jobs.GetAsync("a", Read, Ct);
        time.Advance(s_ttl - TimeSpan.FromMilliseconds(1));
        var withinTtl = await jobs.GetAsync("a", Read, Ct);
        time.Advance(TimeSpan.FromMilliseconds(1));
        var afterTtl = await jobs.GetAsync("a", Read, Ct);

        Assert.Equal("v1", first.Class);
        Assert.Same(first, withinTtl);
        Assert.Equal("v2", afterTtl.Class);
        Assert.Equal(2, reads);
    }

    [Fact]
    public async Task Forget_MakesTheNextGetRead_OnlyForThatJob()
    {
        var jobs = new JobDefinitions(s_ttl, new FakeTimeProvider());
        var reads = new List<string>();
        Task<JenkinsJob> Read(string path) => Task.FromResult(Job(path));
        await jobs.GetAsync("a", _ => { reads.Add("a"); return Read("a"); }, Ct);
        await jobs.GetAsync("b", _ => { reads.Add("b"); return Read("b"); }, Ct);

        jobs.Forget("a");
        await jobs.GetAsync("a", _ => { reads.Add("a"); return Read("a"); }, Ct);
        await jobs.GetAsync("b", _ => { reads.Add("b"); return Read("b"); }, Ct);

        Assert.Equal(["a", "b", "a"], reads);
    }

    [Fact]
    public async Task ZeroTtl_ReadsEveryTime()
    {
        var jobs = new JobDefinitions(TimeSpan.Zero, new FakeTimeProvider());
        var reads = 0;

        for (var i = 0; i < 3; i++) await jobs.GetAsync("a", _ => Task.FromResult(Job($"v{++reads}")), Ct);

        Assert.Equal(3, reads);
    }

    [Fact]
    public async Task Client_SeesAParameterAddedInJenkins_OnlyAfterTheTtl()
    {
        await using var f = await ClientFixture.StartAsync();
        using var client = Client(f);
        Assert.Empty((await client.GetJobAsync(JenkinsStandInExample.Hello, Ct)).Parameters);

        f.StandIn.AddJob(JenkinsStandInExample.Hello, [StandInParameter.Text("BRANCH")]);
        var withinTtl = await client.GetJobAsync(JenkinsStandInExample.Hello, Ct);
        f.Time.Advance(s_ttl);
        var afterTtl = await client.GetJobAsync(JenkinsStandInExample.Hello, Ct);

        Assert.Empty(withinTtl.Parameters);
        Assert.Equal(["BRANCH"], afterTtl.Parameters.Select(p => p.Name));
    }

    [Fact]
    public async Task Client_ForgetsTheDefinition_WhenATriggerIsRefusedWith4xx()
    {
        await using var f = await ClientFixture.StartAsync();
        using var client = Client(f);
        Assert.True((await client.GetJobAsync(JenkinsStandInExample.Hello, Ct)).Buildable);
        f.StandIn.SetDisabled(JenkinsStandInExample.Hello, disabled: true);

        var refused = await Assert.ThrowsAsync<JenkinsException>(() => client.TriggerAsync(new TriggerRequest(JenkinsStandInExample.Hello), Ct));
        var after = await client.GetJobAsync(JenkinsStandInExample.Hello, Ct);

        Assert.Equal(409, refused.StatusCode);
        Assert.False(after.Buildable);
    }

    [Fact]
    public async Task Client_ForgetsTheDefinition_WhenABuildReadAnswers404()
    {
        await using var f = await ClientFixture.StartAsync();
        using var client = Client(f);
        Assert.Empty((await client.GetJobAsync(JenkinsStandInExample.Hello, Ct)).Parameters);
        f.StandIn.AddJob(JenkinsStandInExample.Hello, [StandInParameter.Text("BRANCH")]);

        var missing = await Assert.ThrowsAsync<JenkinsException>(() => client.GetBuildAsync(JenkinsStandInExample.Hello, 999, Ct));
        var after = await client.GetJobAsync(JenkinsStandInExample.Hello, Ct);

        Assert.Equal(JenkinsErrorKind.NotFound, missing.Kind);
        Assert.Equal(["BRANCH"], after.Parameters.Select(p => p.Name));
    }

    /// <summary>A client on the fixture's fake clock, so that the TTL passes when the test says.</summary>
    private static IJenkinsClient Client(ClientFixture f) =>
        new JenkinsClientFactory(f.Time).Create(f.Settings(options: ClientFixture.FastOptions with { JobDefinitionTtl = s_ttl }));

    private static JenkinsJob Job(string version) =>
        new("a", new Uri("http://jenkins.example/job/a/"), version, Buildable: true, [], NextBuildNumber: 1, LastBuildNumber: null, InQueue: false);
}
