using CiBridge.Sandbox.Jenkins;
using CiBridge.TestKit;

namespace CiBridge.EndToEnd.Tests;

/// <summary>
/// The README's "try your own Jenkins" path: <c>--jenkins-url</c> with a Jenkins started apart from
/// the sandbox (here the stand-in, started by the test), and what a wrong value prints.
/// </summary>
public sealed class SandboxJenkinsUrlTests
{
    [Fact]
    public async Task JenkinsUrl_WithoutTrailingSlash_PointsTheSamplesAtThatJenkins_AndStartsNoStandIn()
    {
        await using var jenkins = await JenkinsStandInExample.StartAsync(new JenkinsStandInOptions(), Scenario.Ct);
        var tokenFile = Path.GetTempFileName();
        await File.WriteAllTextAsync(tokenFile, JenkinsStandInExample.ApiToken + "\n", Scenario.Ct);
        var url = jenkins.BaseAddress.ToString().TrimEnd('/');
        try
        {
            await using var sandbox = SandboxProcess.Start("--jenkins-url", url, "--jenkins-user", JenkinsStandInExample.User, "--jenkins-token-file", tokenFile);

            var jenkinsLine = await sandbox.WaitForLineAsync("^Jenkins: ", "the Jenkins line");
            Assert.Equal($"Jenkins: {url}/ as {JenkinsStandInExample.User}", jenkinsLine); // no stand-in, no token shown
            await sandbox.WaitForLineAsync("citask/build-process-war: Succeeded build=1 Ready=True$", "the sample task run on the given Jenkins");
            var endpointUrl = await ExternalTool.RunAsync("kubectl", ["get", "jenkinsendpoint", "jenkins-prod", "-o", "jsonpath={.spec.url}"], sandbox.KubectlEnvironment, ct: Scenario.Ct);
            Assert.Equal(url + "/", endpointUrl.StandardOutput);
            Assert.Equal(0, await sandbox.SignalAndWaitAsync("TERM"));
        }
        finally
        {
            File.Delete(tokenFile);
        }
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080", "http://127.0.0.1:8080/")]
    [InlineData("http://127.0.0.1:8080/", "http://127.0.0.1:8080/")]
    [InlineData("https://ci.example.com/jenkins/", "https://ci.example.com/jenkins/")]
    public void JenkinsUrl_WithOrWithoutTrailingSlash_Parses(string value, string expected) =>
        Assert.Equal(expected, Sandbox.Host.SandboxOptions.ParseJenkinsUrl(value)!.ToString());

    [Theory]
    [InlineData("not a url", "--jenkins-url must be an http(s) URL such as http://127.0.0.1:8080/, not 'not a url'")]
    [InlineData("ftp://127.0.0.1/", "--jenkins-url must be an http(s) URL such as http://127.0.0.1:8080/, not 'ftp://127.0.0.1/'")]
    [InlineData("127.0.0.1:8080", "--jenkins-url must be an http(s) URL such as http://127.0.0.1:8080/, not '127.0.0.1:8080'")]
    public async Task JenkinsUrl_BadValue_IsOneLineNamingTheOption_Exit2(string value, string message)
    {
        await using var sandbox = SandboxProcess.Start("--jenkins-url", value, "--jenkins-user", "u", "--jenkins-token-file", "/dev/null");

        Assert.Equal(2, await sandbox.WaitForExitAsync());
        Assert.Equal(["stderr: sandbox: " + message], sandbox.Output);
    }

    [Fact]
    public async Task JenkinsUrl_WithoutUserAndToken_IsOneLine_Exit2()
    {
        await using var sandbox = SandboxProcess.Start("--jenkins-url", "http://127.0.0.1:8080/");

        Assert.Equal(2, await sandbox.WaitForExitAsync());
        Assert.Equal(["stderr: sandbox: --jenkins-url needs --jenkins-user and --jenkins-token-file"], sandbox.Output);
    }
}
