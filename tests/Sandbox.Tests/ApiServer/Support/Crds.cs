using CiBridge.Kubernetes.Yaml;
using CiBridge.TestKit;

namespace CiBridge.Sandbox.Tests.ApiServer.Support;

/// <summary>Our CRDs (config/crds) and installing them through the API.</summary>
internal static class Crds
{
    public static readonly string[] Files = ["config/crds/cibridge.dev_jenkinsendpoints.yaml", "config/crds/cibridge.dev_citasks.yaml"];

    public const string Group = "/apis/cibridge.dev/v1alpha1";

    public static async Task InstallAsync(ApiClient client)
    {
        foreach (var file in Files)
        {
            var crd = YamlJson.ReadSingle(RepoFiles.Read(file));
            var created = await client.PostAsync("/apis/apiextensions.k8s.io/v1/customresourcedefinitions", crd);
            if (created.Code is not (201 or 409)) throw new InvalidOperationException($"installing {file}: {created}");
        }
        await Eventually.HoldsAsync(() => client.GetAsync(Group), r => r.Code == 200 && r.Text.Contains("citasks", StringComparison.Ordinal), "our CRDs served");
    }
}
