using System.Text;
using System.Text.Json.Nodes;
using CiBridge.Kubernetes.Yaml;

namespace CiBridge.Sandbox.Host;

/// <summary>
/// The manifests of config/samples (embedded at build time), pointed at the sandbox's Jenkins: the
/// endpoint's URL and the credentials Secret are the only fields changed.
/// </summary>
internal static class SandboxSamples
{
    public static IReadOnlyList<JsonObject> For(SandboxJenkins jenkins, string ns)
    {
        var documents = new List<JsonObject>();
        var assembly = typeof(SandboxSamples).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("samples/", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            foreach (var document in YamlJson.ReadDocuments(reader.ReadToEnd()).OfType<JsonObject>())
            {
                document["metadata"]!["namespace"] = ns;
                Retarget(document, jenkins);
                documents.Add(document);
            }
        }
        // Endpoints before tasks, Secrets before both: the order a user would apply them in.
        return [.. documents.OrderBy(d => d["kind"]!.GetValue<string>() switch { "Secret" => 0, "JenkinsEndpoint" => 1, _ => 2 })];
    }

    private static bool IsCredentials(JsonObject secret) => secret["stringData"] is JsonObject data && data.ContainsKey("username");

    private static void Retarget(JsonObject document, SandboxJenkins jenkins)
    {
        switch (document["kind"]!.GetValue<string>())
        {
            case "JenkinsEndpoint":
                document["spec"]!["url"] = jenkins.Url.ToString();
                document["spec"]!["allowInsecureHttp"] = jenkins.Url.Scheme == "http";
                break;
            case "Secret" when IsCredentials(document):
                document["stringData"]!["username"] = jenkins.User;
                document["stringData"]!["token"] = jenkins.Token;
                break;
        }
    }
}
