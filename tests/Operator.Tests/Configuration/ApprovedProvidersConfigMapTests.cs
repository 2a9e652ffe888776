using System.Text.Json;
using CiBridge.Entities.Validation;
using CiBridge.Kubernetes.Models;
using CiBridge.Operator.Configuration;
using CiBridge.Operator.Webhooks;

namespace CiBridge.Operator.Tests.Configuration;

public sealed class ApprovedProvidersConfigMapTests
{
    [Theory]
    [InlineData("JenkinsEndpoint\n", "JenkinsEndpoint")]
    [InlineData("JenkinsEndpoint\nTektonEndpoint\n", "JenkinsEndpoint, TektonEndpoint")]
    [InlineData("- JenkinsEndpoint\n- TektonEndpoint", "JenkinsEndpoint, TektonEndpoint")]
    [InlineData("TektonEndpoint, JenkinsEndpoint  # both", "JenkinsEndpoint, TektonEndpoint")]
    [InlineData("", "none")]
    public void Read_AcceptsOneKindPerLineOrCommas(string value, string expected)
    {
        var (list, problem) = ApprovedProvidersConfigMap.Read(ConfigMap(value));

        Assert.Null(problem);
        Assert.Equal(expected, list!.Describe());
    }

    [Fact]
    public void Read_AWrongKindName_NamesTheConfigMapKeyAndValue()
    {
        var (list, problem) = ApprovedProvidersConfigMap.Read(ConfigMap("JenkinsEndpoint\njenkins-endpoint"));

        Assert.Null(list);
        Assert.Equal("ConfigMap ops/approved key \"approvedProviders\": \"jenkins-endpoint\" is not a kind name (one per line, CamelCase like JenkinsEndpoint)", problem);
    }

    [Fact]
    public void Read_WithoutTheKey_SaysSo()
    {
        var (list, problem) = ApprovedProvidersConfigMap.Read(new ConfigMap { Metadata = new ObjectMeta { Name = "approved", Namespace = "ops" }, Data = [] });

        Assert.Null(list);
        Assert.Equal("ConfigMap ops/approved has no key \"approvedProviders\"", problem);
    }

    [Theory]
    [InlineData("approved", "ops/approved")]
    [InlineData("other/approved", "other/approved")]
    public void Reference_ABareNameLivesInTheOperatorsNamespace(string text, string expected) =>
        Assert.Equal(expected, ApprovedProvidersConfigMap.Reference(text, "ops").ToString());

    [Fact]
    public void Reference_WithoutAName_IsAUsageError()
    {
        var error = Assert.Throws<ArgumentException>(() => ApprovedProvidersConfigMap.Reference("ops/", "ops"));

        Assert.Contains("NAME or NAMESPACE/NAME", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void List_Replace_RaisesChangedOnlyForADifferentList()
    {
        var list = new ApprovedProviderList(ApprovedProviders.Default);
        var changes = 0;
        list.Changed += () => changes++;

        Assert.False(list.Replace(new ApprovedProviders(["JenkinsEndpoint"])));
        Assert.True(list.Replace(new ApprovedProviders(["TektonEndpoint"])));

        Assert.Equal(1, changes);
        Assert.Equal("TektonEndpoint", list.Current.Describe());
    }

    [Fact]
    public void Webhook_AsksTheListOnEveryReview()
    {
        var list = new ApprovedProviderList(ApprovedProviders.Default);
        var validator = new AdmissionValidator(list);
        var request = new AdmissionRequest
        {
            Uid = "1",
            Operation = "CREATE",
            Kind = new GroupVersionKind { Group = "cibridge.dev", Version = "v1alpha1", Kind = "CiTask" },
            Object = JsonDocument.Parse("""{"apiVersion":"cibridge.dev/v1alpha1","kind":"CiTask","metadata":{"name":"t","namespace":"a"},"spec":{"endpointRef":{"kind":"JenkinsEndpoint","name":"j"},"job":"build"}}""").RootElement,
        };
        Assert.True(validator.Review(request).Allowed);

        list.Replace(new ApprovedProviders(["TektonEndpoint"]));

        var denied = validator.Review(request);
        Assert.False(denied.Allowed);
        Assert.Contains("approved provider kinds: TektonEndpoint", denied.Status!.Message, StringComparison.Ordinal);
    }

    private static ConfigMap ConfigMap(string value) => new()
    {
        Metadata = new ObjectMeta { Name = "approved", Namespace = "ops" },
        Data = new() { [ApprovedProvidersConfigMap.Key] = value },
    };
}
