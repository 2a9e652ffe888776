using System.Text.Json.Nodes;

namespace CiBridge.Sandbox.Tests.ApiServer.Support;

/// <summary>A fresh namespace per test.</summary>
internal static class Namespaces
{
    public static async Task<string> CreateAsync(ApiClient client)
    {
        var name = "t-" + Guid.NewGuid().ToString("N")[..10];
        var response = await client.PostAsync("/api/v1/namespaces", new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Namespace",
            ["metadata"] = new JsonObject { ["name"] = name },
        });
        Assert.Equal(201, response.Code);
        return name;
    }
}
