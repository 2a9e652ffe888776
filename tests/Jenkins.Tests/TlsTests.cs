using CiBridge.Jenkins.Models;
using CiBridge.Sandbox.Jenkins;

namespace CiBridge.Jenkins.Tests;

public sealed class TlsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Verify_Https_TrustDecidesTheOutcome()
    {
        using var certificates = new TestCertificates();
        await using var f = await ClientFixture.StartAsync(o => new JenkinsStandInOptions { TimeProvider = o.TimeProvider, Certificate = certificates.Server });
        Assert.Equal("https", f.StandIn.BaseAddress.Scheme);

        var untrusted = await f.Client().VerifyAsync(Ct);
        Assert.Equal(VerifyStatus.TlsError, untrusted.Status);

        var withBundle = await f.Client(f.Settings() with { CaBundlePem = certificates.CaPem }).VerifyAsync(Ct);
        Assert.Equal(VerifyStatus.Verified, withBundle.Status);

        using var other = new TestCertificates();
        var wrongBundle = await f.Client(f.Settings() with { CaBundlePem = other.CaPem }).VerifyAsync(Ct);
        Assert.Equal(VerifyStatus.TlsError, wrongBundle.Status);

        var insecure = await f.Client(f.Settings() with { InsecureSkipTlsVerify = true }).VerifyAsync(Ct);
        Assert.Equal(VerifyStatus.Verified, insecure.Status);
    }
}
