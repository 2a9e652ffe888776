using CiBridge.Entities.JenkinsEndpoints;
using CiBridge.Entities.Validation;

namespace CiBridge.Entities.Tests.Validation;

/// <summary>Endpoint URLs may not point at link-local or cloud metadata addresses, unless the installation says otherwise.</summary>
public sealed class RefusedNetworksTests
{
    [Theory]
    [InlineData("aws and gcp metadata", "http://169.254.169.254/latest/meta-data/", "spec.url: must not point at a link-local or cloud metadata address: 169.254.169.254 is in 169.254.0.0/16")]
    [InlineData("decimal ipv4 form", "http://2852039166/", "169.254.169.254 is in 169.254.0.0/16")]
    [InlineData("aws ipv6 metadata", "http://[fd00:ec2::254]/", "fd00:ec2::254 is in fd00:ec2::254/128")]
    [InlineData("ipv6 link-local", "https://[fe80::1]/", "is in fe80::/10")]
    [InlineData("ipv4 mapped into ipv6", "https://[::ffff:169.254.169.254]/", "169.254.169.254 is in 169.254.0.0/16")]
    [InlineData("alibaba metadata", "http://100.100.100.200/", "100.100.100.200 is in 100.100.100.200/32")]
    [InlineData("gcp metadata name", "http://metadata.google.internal/", "metadata.google.internal is a cloud metadata service")]
    public void Validate_MetadataAddress_RefusedByDefault_NamingTheField(string name, string url, string expected)
    {
        var result = JenkinsEndpointValidator.Validate(Endpoint(url), ApprovedProviders.Default);

        Assert.False(result.IsValid, name);
        Assert.Contains(expected, result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ProxyUrlAndExtraUrls_AreCheckedToo()
    {
        var endpoint = Endpoint("https://jenkins.example.com/");
        endpoint.Spec.ProxyUrl = "http://169.254.1.1:3128/";
        endpoint.Spec.Urls = new() { ["api"] = "https://[fe80::2]/" };

        var summary = JenkinsEndpointValidator.Validate(endpoint, ApprovedProviders.Default).Summary;

        Assert.Contains("spec.proxyUrl: must not point at", summary, StringComparison.Ordinal);
        Assert.Contains("spec.urls[api]: must not point at", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_InstallationWithoutRefusedNetworks_AcceptsThem_AndOneWithMore_RefusesMore()
    {
        var metadata = Endpoint("https://169.254.169.254/");
        var internalHost = Endpoint("https://10.1.2.3/");

        Assert.True(JenkinsEndpointValidator.Validate(metadata, ApprovedProviders.Default, RefusedNetworks.None).IsValid);
        Assert.True(JenkinsEndpointValidator.Validate(internalHost, ApprovedProviders.Default).IsValid);
        var stricter = new RefusedNetworks([.. RefusedNetworks.DefaultCidrs, "10.0.0.0/8"]);
        Assert.Contains("10.1.2.3 is in 10.0.0.0/8", JenkinsEndpointValidator.Validate(internalHost, ApprovedProviders.Default, stricter).Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void OrdinaryHostsAndPrivateAddresses_AreNotRefusedByDefault()
    {
        Assert.True(JenkinsEndpointValidator.Validate(Endpoint("https://jenkins.example.com/"), ApprovedProviders.Default).IsValid);
        Assert.True(JenkinsEndpointValidator.Validate(Endpoint("https://192.168.1.10:8443/"), ApprovedProviders.Default).IsValid);
        Assert.False(RefusedNetworks.Default.Contains(System.Net.IPAddress.Loopback));
        Assert.True(RefusedNetworks.Default.Contains(System.Net.IPAddress.Parse("::ffff:169.254.169.254")));
    }

    [Fact]
    public void BadEntry_IsAnErrorNamingIt()
    {
        var error = Assert.Throws<FormatException>(() => new RefusedNetworks(["169.254.0.0/16", "metadata"]));

        Assert.Contains("\"metadata\" is neither an IP address nor a CIDR range", error.Message, StringComparison.Ordinal);
    }

    private static JenkinsEndpoint Endpoint(string url) => new()
    {
        Spec = new JenkinsEndpointSpec
        {
            Url = url,
            AllowInsecureHttp = true,
            CredentialsSecretRef = new() { Name = "jenkins-prod-credentials" },
        },
    };
}
