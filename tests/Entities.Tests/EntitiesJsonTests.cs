using System.Text.Json;

namespace CiBridge.Entities.Tests;

public sealed class EntitiesJsonTests
{
    [Fact]
    public void CiTask_RoundTrip_KeepsSpecAndWritesCamelCaseWithoutNulls()
    {
        const string json = """
            {"apiVersion":"cibridge.dev/v1alpha1","kind":"CiTask",
             "metadata":{"name":"build","namespace":"team-a","creationTimestamp":"2026-01-02T03:04:05Z"},
             "spec":{"endpointRef":{"kind":"JenkinsEndpoint","name":"jenkins-prod"},"job":"platform/build",
                     "parameters":[{"name":"BRANCH","value":"master"}]}}
            """;

        var task = JsonSerializer.Deserialize(json, EntitiesJsonContext.Default.CiTask)!;
        var written = JsonSerializer.Serialize(task, EntitiesJsonContext.Default.CiTask);

        Assert.Equal("platform/build", task.Spec.Job);
        Assert.Equal("master", task.Spec.Parameters![0].Value);
        Assert.Null(task.Status);
        Assert.Contains("\"endpointRef\":{\"kind\":\"JenkinsEndpoint\",\"name\":\"jenkins-prod\"}", written, StringComparison.Ordinal);
        Assert.Contains("\"creationTimestamp\":\"2026-01-02T03:04:05Z\"", written, StringComparison.Ordinal);
        Assert.DoesNotContain("null", written, StringComparison.Ordinal);
    }
}
