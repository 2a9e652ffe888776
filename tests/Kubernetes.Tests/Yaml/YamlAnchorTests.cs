using CiBridge.Kubernetes.Yaml;

namespace CiBridge.Kubernetes.Tests.Yaml;

/// <summary>Anchors, aliases and merge keys read as go-yaml reads them for kubectl and kube.</summary>
public sealed class YamlAnchorTests
{
    [Theory]
    [InlineData("alias of a scalar", "a: &x hello\nb: *x", """{"a":"hello","b":"hello"}""")]
    [InlineData("alias of a mapping is a copy", "a: &m {k: 1}\nb: *m", """{"a":{"k":1},"b":{"k":1}}""")]
    [InlineData("merge key, own keys win", "base: &b {k: 1, j: 2}\nc:\n  <<: *b\n  k: 3", """{"base":{"k":1,"j":2},"c":{"k":3,"j":2}}""")]
    [InlineData("own key before the merge wins too", "base: &b {k: 1}\nc:\n  k: 3\n  <<: *b", """{"base":{"k":1},"c":{"k":3}}""")]
    [InlineData("the first of several merge sources wins", "x: &x {k: 1}\ny: &y {k: 2, j: 2}\nc:\n  <<: [*x, *y]", """{"x":{"k":1},"y":{"k":2,"j":2},"c":{"k":1,"j":2}}""")]
    public void Anchors_ExpandLikeGoYaml(string rule, string yaml, string json)
    {
        Assert.True(json == YamlJson.ReadSingle(yaml).ToJsonString(), rule);
    }

    [Fact]
    public void UnknownAlias_IsAFormatError()
    {
        var error = Assert.Throws<YamlFormatException>(() => YamlJson.ReadSingle("a: *nowhere"));
        Assert.Contains("nowhere", error.Message, StringComparison.Ordinal);
    }
}
