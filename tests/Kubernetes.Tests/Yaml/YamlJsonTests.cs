using System.Text.Json.Nodes;
using CiBridge.Kubernetes.Yaml;

namespace CiBridge.Kubernetes.Tests.Yaml;

public sealed class YamlJsonTests
{
    [Theory]
    [InlineData("plain string", "a: hello", """{"a":"hello"}""")]
    [InlineData("integer", "a: 42", """{"a":42}""")]
    [InlineData("negative float", "a: -1.5", """{"a":-1.5}""")]
    [InlineData("booleans of the core schema", "a: true\nb: False", """{"a":true,"b":false}""")]
    [InlineData("null spellings", "a: ~\nb: null\nc:", """{"a":null,"b":null,"c":null}""")]
    [InlineData("quoted scalars stay strings", "a: \"42\"\nb: 'true'", """{"a":"42","b":"true"}""")]
    [InlineData("YAML 1.1 words are strings", "a: yes\nb: off", """{"a":"yes","b":"off"}""")]
    [InlineData("nested block sequence", "a:\n  - x: 1\n  - [2, 3]", """{"a":[{"x":1},[2,3]]}""")]
    public void ReadSingle_ResolvesScalarsLikeTheCoreSchema(string rule, string yaml, string json)
    {
        var node = YamlJson.ReadSingle(yaml);

        Assert.True(json == node.ToJsonString(), $"{rule}: got {node.ToJsonString()}");
    }

    [Fact]
    public void ReadDocuments_SkipsEmptyDocuments()
    {
        var documents = YamlJson.ReadDocuments("---\na: 1\n---\n---\nb: 2\n");

        Assert.Equal(["""{"a":1}""", """{"b":2}"""], documents.Select(d => d.ToJsonString()));
    }

    [Theory]
    [InlineData("a: [1, 2", "line")]
    [InlineData("a: 1\na: 2", "duplicate key \"a\"")]
    public void ReadDocuments_RejectsBadYamlWithItsPlace(string yaml, string expected)
    {
        var error = Assert.Throws<YamlFormatException>(() => YamlJson.ReadDocuments(yaml));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_QuotesStringsThatWouldReadBackAsOtherTypes_AndRoundTrips()
    {
        var original = JsonNode.Parse("""{"s":"true","n":"1.0","e":"","x":null,"list":[],"map":{"k":"v: w"}}""")!;

        var yaml = YamlJson.Write(original);

        Assert.Contains("s: \"true\"", yaml, StringComparison.Ordinal);
        Assert.True(JsonNode.DeepEquals(original, YamlJson.ReadSingle(yaml)), yaml);
    }
}
