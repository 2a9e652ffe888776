using System.Net;
using CiBridge.Sandbox.Jenkins;

namespace CiBridge.Sandbox.Tests.Jenkins;

/// <summary>Authentication, authorization and CSRF crumbs as Jenkins answers them (wire facts A1-A5, C1-C4).</summary>
public sealed class SecurityContractTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Anonymous_WithoutOverallRead_Gets403ButWhoAmIWorks()
    {
        await using var f = await StandInFixture.StartAsync();
        using var http = new StandInHttp(f.BaseAddress);
        using var denied = await http.GetAsync("api/json");
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Equal("anonymous", denied.Headers.GetValues("X-You-Are-Authenticated-As").Single());
        Assert.Equal("hudson.model.Hudson.Read", denied.Headers.GetValues("X-Required-Permission").Single());
        Assert.Equal("2.492.3", denied.Headers.GetValues("X-Jenkins").Single());
        var whoAmI = await http.JsonAsync("whoAmI/api/json");
        Assert.True(whoAmI["anonymous"]!.GetValue<bool>());
        Assert.Equal("hudson.security.WhoAmI", whoAmI["_class"]!.GetValue<string>());
    }

    [Fact]
    public async Task WrongPassword_Gets401WithBasicChallengeAndNoVersion()
    {
        await using var f = await StandInFixture.StartAsync();
        using var http = new StandInHttp(f.BaseAddress, "admin", "wrong");
        using var response = await http.GetAsync("api/json");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Basic realm=\"Jenkins\"", response.Headers.WwwAuthenticate.Single().ToString());
        Assert.False(response.Headers.Contains("X-Jenkins"));
    }

    [Fact]
    public async Task UserIds_AreCaseInsensitive()
    {
        await using var f = await StandInFixture.StartAsync();
        using var http = new StandInHttp(f.BaseAddress, "ADMIN", JenkinsStandInExample.ApiToken);
        Assert.False((await http.JsonAsync("whoAmI/api/json"))["anonymous"]!.GetValue<bool>());
    }

    [Fact]
    public async Task PasswordPost_NeedsCrumbOfItsSession()
    {
        await using var f = await StandInFixture.StartAsync();
        using var http = StandInHttp.Password(f.BaseAddress);
        using var noCrumb = await http.PostAsync("job/hello/build");
        Assert.Equal(HttpStatusCode.Forbidden, noCrumb.StatusCode);
        Assert.Contains("No valid crumb was included in the request", await noCrumb.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        using var crumbResponse = await http.GetAsync("crumbIssuer/api/json");
        Assert.Contains(crumbResponse.Headers.GetValues("Set-Cookie"), c => c.StartsWith("JSESSIONID.", StringComparison.Ordinal));
        var crumbJson = System.Text.Json.Nodes.JsonNode.Parse(await crumbResponse.Content.ReadAsStringAsync(Ct))!;
        Assert.Equal("Jenkins-Crumb", crumbJson["crumbRequestField"]!.GetValue<string>());
        var crumb = crumbJson["crumb"]!.GetValue<string>();
        Assert.Equal(64, crumb.Length);

        using var otherSession = StandInHttp.Password(f.BaseAddress);
        using var wrongSession = await otherSession.PostAsync("job/hello/build", crumb: crumb);
        Assert.Equal(HttpStatusCode.Forbidden, wrongSession.StatusCode);

        using var ok = await http.PostAsync("job/hello/build", crumb: crumb);
        Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
    }

    [Fact]
    public async Task TokenPost_IsExemptFromCrumbs()
    {
        await using var f = await StandInFixture.StartAsync();
        using var http = StandInHttp.Token(f.BaseAddress);
        using var response = await http.PostAsync("job/hello/build");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Matches(@"^http://127\.0\.0\.1:\d+/queue/item/1/$", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task AnonymousRead_AllowsReadingButNotBuilding()
    {
        await using var f = await StandInFixture.StartAsync(o => new() { TimeProvider = o.TimeProvider, AnonymousRead = true, CsrfProtection = false });
        using var http = new StandInHttp(f.BaseAddress);
        Assert.Equal("hudson.model.Hudson", (await http.JsonAsync("api/json"))["_class"]!.GetValue<string>());
        using var me = await http.GetAsync("me/api/json");
        Assert.Equal(HttpStatusCode.Forbidden, me.StatusCode);
        using var build = await http.PostAsync("job/hello/build");
        Assert.Equal(HttpStatusCode.Forbidden, build.StatusCode);
        Assert.Equal("hudson.model.Item.Build", build.Headers.GetValues("X-Required-Permission").Single());
        using var crumb = await http.GetAsync("crumbIssuer/api/json");
        Assert.Equal(HttpStatusCode.NotFound, crumb.StatusCode);
    }
}
