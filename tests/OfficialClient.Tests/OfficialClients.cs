using System.Text.Json;
using System.Text.Json.Nodes;
using CiBridge.Sandbox.Tests.ApiServer.Support;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace CiBridge.OfficialClient.Tests;

/// <summary>The official client (<c>k8s.Kubernetes</c>) connected to a <see cref="ClusterTarget"/>, from its kubeconfig as any user would.</summary>
internal static class OfficialClients
{
    public const string Group = "cibridge.dev";
    public const string Version = "v1alpha1";

    public static async Task<k8s.Kubernetes> ConnectAsync(string target)
    {
        // Installs our CRDs (the sandbox has them already) or skips the real-cluster case when none is configured.
        using var raw = await ClusterTarget.ConnectAsync(target);
        var kubeconfig = await ClusterTarget.KubeconfigAsync(target);
        return new k8s.Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(kubeconfig));
    }

    /// <summary>A fresh namespace, created through the typed API.</summary>
    public static async Task<string> CreateNamespaceAsync(IKubernetes client)
    {
        var name = "oc-" + Guid.NewGuid().ToString("N")[..10];
        await client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = name } });
        return name;
    }

    /// <summary>A custom object as the client returns it (a JsonElement), as a JSON tree.</summary>
    public static JsonObject Tree(object customObject) => JsonNode.Parse(((JsonElement)customObject).GetRawText())!.AsObject();

    /// <summary>The status code of a failed call, failing the test when the call succeeded.</summary>
    public static async Task<int> StatusCodeOfAsync(Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<HttpOperationException>(call);
        return (int)error.Response.StatusCode;
    }
}
