using CiBridge.Jenkins.Errors;
using CiBridge.Sandbox.Jenkins;

namespace CiBridge.Jenkins.Tests;

/// <summary>Every read from Jenkins is bounded: JSON answers by a size cap with a classified error, console reads by chunk.</summary>
public sealed class BoundedReadTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task JsonAnswerOverTheCap_IsResponseTooLarge_NamingTheLimit()
    {
        await using var f = await ClientFixture.StartAsync();
        for (var i = 0; i < 100; i++) f.StandIn.AddJob($"many/job-with-a-rather-long-name-{i:D3}");
        var client = f.Client(options: ClientFixture.FastOptions with { MaxJsonBytes = 4096 });

        var error = await Assert.ThrowsAsync<JenkinsException>(() => client.DiscoverJobsAsync(Ct));
        var small = await client.GetJobAsync(JenkinsStandInExample.Hello, Ct);

        Assert.Equal(JenkinsErrorKind.ResponseTooLarge, error.Kind);
        Assert.Contains("larger than 4,096 bytes", error.Message, StringComparison.Ordinal);
        Assert.Equal("hello", small.FullName);
    }

    [Fact]
    public async Task ConsoleOverTheChunkCap_IsReadInBoundedPieces()
    {
        await using var f = await ClientFixture.StartAsync();
        var lines = Enumerable.Range(0, 200).Select(i => $"line {i:D3} of a long console").ToList();
        f.StandIn.AddJob("chatty", [], new Sandbox.Jenkins.Model.JobBehavior(TimeSpan.FromSeconds(1), "SUCCESS", lines));
        var client = f.Client(options: ClientFixture.FastOptions with { ConsoleChunkMaxBytes = 1024 });
        var queued = await client.TriggerAsync(new Models.TriggerRequest("chatty"), Ct);
        f.Time.Advance(TimeSpan.FromSeconds(10));
        var build = await client.FindBuildByQueueIdAsync("chatty", queued.QueueItemId, Ct);

        var chunk = await client.ReadConsoleAsync("chatty", build!.Number, 0, Ct);

        Assert.True(chunk.Truncated);
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(chunk.Text) <= 1024, $"{chunk.Text.Length} characters read");
        Assert.Contains("line 000", chunk.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("line 199", chunk.Text, StringComparison.Ordinal);
    }
}
