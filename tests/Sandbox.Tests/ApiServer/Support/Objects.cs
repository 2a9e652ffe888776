using System.Text.Json.Nodes;

namespace CiBridge.Sandbox.Tests.ApiServer.Support;

/// <summary>Builders for the objects contract tests write.</summary>
internal static class Objects
{
    public static JsonObject ConfigMap(string name, JsonObject? labels = null, JsonObject? data = null) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "ConfigMap",
        ["metadata"] = new JsonObject { ["name"] = name, ["labels"] = labels ?? [] },
        ["data"] = data ?? new JsonObject { ["key"] = "value" },
    };

    public static JsonObject CiTask(string name, string revision = "r1", JsonObject? extraSpec = null)
    {
        var spec = new JsonObject
        {
            ["endpointRef"] = new JsonObject { ["kind"] = "JenkinsEndpoint", ["name"] = "jenkins-prod" },
            ["job"] = "platform/process/build-war",
            ["revision"] = revision,
        };
        foreach (var (key, value) in extraSpec ?? []) spec[key] = value?.DeepClone();
        return new JsonObject
        {
            ["apiVersion"] = "cibridge.dev/v1alpha1",
            ["kind"] = "CiTask",
            ["metadata"] = new JsonObject { ["name"] = name },
            ["spec"] = spec,
        };
    }

    public static JsonObject Secret(string name, JsonObject data, string? type = null)
    {
        var secret = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Secret",
            ["metadata"] = new JsonObject { ["name"] = name },
            ["data"] = data,
        };
        if (type is not null) secret["type"] = type;
        return secret;
    }

    public static string Secrets(string ns) => $"/api/v1/namespaces/{ns}/secrets";

    public static string CiTasks(string ns) => $"{Crds.Group}/namespaces/{ns}/citasks";

    public static string ConfigMaps(string ns) => $"/api/v1/namespaces/{ns}/configmaps";
}
