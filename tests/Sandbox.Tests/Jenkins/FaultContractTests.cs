using System.Net;
using CiBridge.Sandbox.Jenkins.Faults;
using CiBridge.TestKit;

namespace CiBridge.Sandbox.Tests.Jenkins;

/// <summary>Fault injection: latency on the stand-in's clock, proxies, resets, login redirects.</summary>
public sealed class FaultContractTests
{
    [Fact]
    public async Task Latency_AnswersWhenTheClockPassesIt()
    {
        await using var f = await StandInFixture.StartAsync();
        using var http = StandInHttp.Token(f.BaseAddress);
        f.StandIn.InjectFault(new StandInFault(FaultKind.Latency, Latency: TimeSpan.FromSeconds(30), Times: 1));
        var pending = http.GetAsync("api/json");
        await Eventually.HoldsAsync(() => f.Time.ArmedTimers > 0, "the delayed request to wait on the clock", ct: TestContext.Current.CancellationToken);
        Assert.False(pending.IsCompleted);
        f.Time.Advance(TimeSpan.FromSeconds(30));
        using var response = await pending;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Dispose_WithAHeldRequest_StopsPromptly()
    {
        var f = await StandInFixture.StartAsync();
        using var http = StandInHttp.Token(f.BaseAddress);
        f.StandIn.InjectFault(new StandInFault(FaultKind.Latency, Latency: TimeSpan.FromHours(1)));
        var pending = http.GetAsync("api/json");
        await Eventually.HoldsAsync(() => f.Time.ArmedTimers > 0, "the request to be held", ct: TestContext.Current.CancellationToken);
        var started = System.Diagnostics.Stopwatch.StartNew();
        await f.DisposeAsync();
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(10), $"stopping took {started.Elapsed}");
        await Assert.ThrowsAnyAsync<Exception>(() => pending);
    }

    [Fact]
    public async Task LoginRedirect_PointsAtTheLoginPage()
    {
        await using var f = await StandInFixture.StartAsync();
        using var http = StandInHttp.Token(f.BaseAddress);
        f.StandIn.InjectFault(new StandInFault(FaultKind.LoginRedirect));
        using var redirect = await http.GetAsync("api/json");
        Assert.Equal(HttpStatusCode.Found, redirect.StatusCode);
        Assert.Contains("/login?from=", redirect.Headers.Location!.ToString(), StringComparison.Ordinal);
        using var login = await http.GetAsync(redirect.Headers.Location!.PathAndQuery.TrimStart('/'));
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
    }

    [Fact]
    public async Task Reset_AndBadGateway_OnlyWhereAndAsOftenAsAsked()
    {
        await using var f = await StandInFixture.StartAsync();
        using var http = StandInHttp.Token(f.BaseAddress);
        f.StandIn.InjectFault(new StandInFault(FaultKind.Reset, PathContains: "/queue/", Times: 1));
        f.StandIn.InjectFault(new StandInFault(FaultKind.BadGateway, Method: "POST", Times: 1));
        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync("queue/api/json"));
        using var queue = await http.GetAsync("queue/api/json");
        Assert.Equal(HttpStatusCode.OK, queue.StatusCode);
        using var post = await http.PostAsync("job/hello/build");
        Assert.Equal(HttpStatusCode.BadGateway, post.StatusCode);
        Assert.False(post.Headers.Contains("X-Jenkins"));
        using var again = await http.PostAsync("job/hello/build");
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
    }
}
