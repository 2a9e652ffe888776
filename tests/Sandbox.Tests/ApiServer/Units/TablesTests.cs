using System.Text.Json.Nodes;
using CiBridge.Sandbox.ApiServer.Tables;

namespace CiBridge.Sandbox.Tests.ApiServer.Units;

public sealed class TablesTests
{
    [Theory]
    [InlineData(0, "0s")]
    [InlineData(119, "119s")]
    [InlineData(150, "2m30s")]
    [InlineData(600, "10m")]
    [InlineData(3 * 3600 + 600, "3h10m")]
    [InlineData(30 * 3600, "30h")]
    [InlineData(3 * 86400 + 3600, "3d1h")]
    [InlineData(40 * 86400, "40d")]
    public void HumanDuration_FormatsLikeApimachinery(int seconds, string expected) =>
        Assert.Equal(expected, HumanDuration.Format(TimeSpan.FromSeconds(seconds)));

    [Theory]
    [InlineData(".spec.job", "build")]
    [InlineData(".status.conditions[?(@.type==\"Ready\")].status", "True")]
    [InlineData(".status.conditions[0].type", "Succeeded")]
    [InlineData(".status.conditions[*].reason", "Running,Done")]
    [InlineData(".missing.field", "")]
    public void SimpleJsonPath_EvaluatesPrinterColumnPaths(string path, string expected)
    {
        var obj = JsonNode.Parse("""
            {"spec":{"job":"build"},"status":{"conditions":[
              {"type":"Succeeded","status":"Unknown","reason":"Running"},
              {"type":"Ready","status":"True","reason":"Done"}]}}
            """);
        Assert.Equal(expected, string.Join(",", SimpleJsonPath.Evaluate(obj, path).Select(n => n.ToString())));
    }
}
