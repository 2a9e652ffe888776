using System.Text;
using System.Text.Json.Nodes;

namespace CiBridge.Sandbox.ApiServer.Storage;

/// <summary>What kube does to a Secret on write: <c>stringData</c> merges into base64 <c>data</c>; type defaults to Opaque.</summary>
internal static class SecretData
{
    public static void Normalize(JsonObject secret)
    {
        if (secret["stringData"] is JsonObject stringData)
        {
            if (secret["data"] is not JsonObject data) secret["data"] = data = [];
            foreach (var (key, value) in stringData) data[key] = Convert.ToBase64String(Encoding.UTF8.GetBytes(value?.ToString() ?? ""));
        }
        secret.Remove("stringData");
        if (secret["type"]?.ToString() is null or "") secret["type"] = "Opaque";
    }
}
