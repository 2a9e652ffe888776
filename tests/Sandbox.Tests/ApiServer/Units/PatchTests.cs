using System.Text.Json.Nodes;
using CiBridge.Sandbox.ApiServer.Http;
using CiBridge.Sandbox.ApiServer.Patch;

namespace CiBridge.Sandbox.Tests.ApiServer.Units;

public sealed class PatchTests
{
    [Theory]
    [InlineData("replace a value", """{"a":1,"b":{"c":2}}""", """{"b":{"c":3}}""", """{"a":1,"b":{"c":3}}""")]
    [InlineData("null removes", """{"a":1,"b":2}""", """{"a":null}""", """{"b":2}""")]
    [InlineData("lists are replaced", """{"l":[1,2]}""", """{"l":[3]}""", """{"l":[3]}""")]
    [InlineData("adds nested objects", """{}""", """{"m":{"k":"v"}}""", """{"m":{"k":"v"}}""")]
    public void MergePatch_FollowsRfc7386(string name, string target, string patch, string expected)
    {
        var result = JsonMergePatch.Apply(JsonNode.Parse(target), JsonNode.Parse(patch));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), result), $"{name}: {result?.ToJsonString()}");
    }

    [Fact]
    public void StrategicMergePatch_DropsDirectives()
    {
        var result = JsonMergePatch.Apply(JsonNode.Parse("""{"a":{"b":1}}"""), JsonNode.Parse("""{"$retainKeys":["a"],"a":{"c":2,"$patch":"merge"}}"""), strategic: true);
        Assert.Equal("""{"a":{"b":1,"c":2}}""", result!.ToJsonString());
    }

    [Theory]
    [InlineData("add to list end", """{"l":[1]}""", """[{"op":"add","path":"/l/-","value":2}]""", """{"l":[1,2]}""")]
    [InlineData("insert in list", """{"l":[1,3]}""", """[{"op":"add","path":"/l/1","value":2}]""", """{"l":[1,2,3]}""")]
    [InlineData("remove", """{"a":1,"b":2}""", """[{"op":"remove","path":"/a"}]""", """{"b":2}""")]
    [InlineData("replace", """{"a":1}""", """[{"op":"replace","path":"/a","value":5}]""", """{"a":5}""")]
    [InlineData("move", """{"a":1}""", """[{"op":"move","from":"/a","path":"/b"}]""", """{"b":1}""")]
    [InlineData("copy", """{"a":{"x":1}}""", """[{"op":"copy","from":"/a","path":"/b"}]""", """{"a":{"x":1},"b":{"x":1}}""")]
    [InlineData("escaped key", """{"a/b":1}""", """[{"op":"replace","path":"/a~1b","value":2}]""", """{"a/b":2}""")]
    [InlineData("passing test", """{"a":1}""", """[{"op":"test","path":"/a","value":1}]""", """{"a":1}""")]
    public void JsonPatch_FollowsRfc6902(string name, string document, string patch, string expected)
    {
        var result = JsonPatch.Apply(JsonNode.Parse(document)!, JsonNode.Parse(patch));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), result), $"{name}: {result.ToJsonString()}");
    }

    [Theory]
    [InlineData("remove missing", """[{"op":"remove","path":"/nope"}]""")]
    [InlineData("failing test", """[{"op":"test","path":"/a","value":2}]""")]
    public void JsonPatch_ThatDoesNotApply_IsInvalid(string name, string patch)
    {
        var error = Assert.Throws<ApiException>(() => JsonPatch.Apply(JsonNode.Parse("""{"a":1}""")!, JsonNode.Parse(patch)));
        Assert.True(error.Code == 422, name);
    }
}
