using System.Text;
using System.Text.Json.Nodes;
using CiBridge.Entities.JenkinsEndpoints;
using CiBridge.Kubernetes.Client;
using CiBridge.Kubernetes.Controllers;
using CiBridge.Kubernetes.Models;

namespace CiBridge.Sandbox.Host;

/// <summary>
/// Keeps the samples working when someone re-applies config/samples in the sandbox
/// (<c>kubectl apply -k config/samples/</c>, as the README shows for a cluster): kubectl then
/// writes back the placeholder URL and credentials, which point nowhere. Whenever the sample
/// endpoint or its credentials Secret carry a placeholder again, only those fields are patched
/// back to the sandbox's Jenkins, and a line says so. Everything else the user applied stays.
/// </summary>
internal sealed class SampleRetargeting(IKubernetesClient client, SandboxSamples samples, SandboxJenkins jenkins, TimeProvider time)
{
    private static readonly TimeSpan s_interval = TimeSpan.FromSeconds(1);

    public async Task RunAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            var at = time.GetLocalNow().ToString("HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
            try
            {
                var repaired = await RepairAsync(ct);
                if (repaired.Count > 0) Console.Out.WriteLine($"{at} {string.Join(", ", repaired)}: config/samples' placeholder Jenkins was re-applied; pointed back at {jenkins.Url}");
            }
            catch (ApiException e)
            {
                // Deleted between read and patch, say: the next round looks again.
                Console.Out.WriteLine($"{at} could not point the samples back at {jenkins.Url}: {e.Message}");
            }
            await Task.Delay(s_interval, time, ct);
        }
    }

    /// <summary>Patches each sample object that carries a placeholder again; returns their kind/name.</summary>
    public async Task<IReadOnlyList<string>> RepairAsync(CancellationToken ct)
    {
        var repaired = new List<string>();
        for (var i = 0; i < samples.Originals.Count; i++)
        {
            var (original, targeted) = (samples.Originals[i], samples.Targeted[i]);
            var key = new ObjectKey(original["metadata"]!["namespace"]!.GetValue<string>(), SandboxSamples.Name(original));
            if (SandboxSamples.Kind(original) == JenkinsEndpoint.KindName)
            {
                var live = await client.GetAsync<JenkinsEndpoint>(key, ct);
                if (live?.Spec.Url != original["spec"]!["url"]!.GetValue<string>()) continue;
                var spec = new JsonObject { ["url"] = targeted["spec"]!["url"]!.DeepClone(), ["allowInsecureHttp"] = targeted["spec"]!["allowInsecureHttp"]!.DeepClone() };
                await client.PatchAsync<JenkinsEndpoint>(key, Patch.Merge(new JsonObject { ["spec"] = spec }), ct);
                repaired.Add($"jenkinsendpoint/{key.Name}");
            }
            else if (SandboxSamples.IsCredentials(original))
            {
                var live = await client.GetAsync<Secret>(key, ct);
                var token = live?.Data?.GetValueOrDefault("token") is { } bytes ? Encoding.UTF8.GetString(bytes) : null;
                if (token != original["stringData"]!["token"]!.GetValue<string>()) continue;
                await client.PatchAsync<Secret>(key, Patch.Merge(new JsonObject { ["stringData"] = targeted["stringData"]!.DeepClone() }), ct);
                repaired.Add($"secret/{key.Name}");
            }
        }
        return repaired;
    }
}
