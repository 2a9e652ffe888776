using System.Text;
using System.Text.Json.Nodes;
using CiBridge.Kubernetes.Yaml;

namespace CiBridge.Sandbox.Host;

/// <summary>
/// The manifests of config/samples (embedded at build time), pointed at the sandbox's Jenkins: the
/// endpoint's URL and the credentials Secret are the only fields changed.
/// </summary>
internal sealed class SandboxSamples
{
    private SandboxSamples(IReadOnlyList<JsonObject> originals, IReadOnlyList<JsonObject> targeted)
    {
        Originals = originals;
        Targeted = targeted;
    }

    /// <summary>The samples as written in config/samples (namespace set), in apply order.</summary>
    public IReadOnlyList<JsonObject> Originals { get; }

    /// <summary>The same documents pointed at the sandbox's Jenkins, in the same order.</summary>
    public IReadOnlyList<JsonObject> Targeted { get; }

    public static SandboxSamples For(SandboxJenkins jenkins, string ns)
    {
        var originals = Load(ns);
        return new SandboxSamples(originals, [.. originals.Select(d => Retarget(d.DeepClone().AsObject(), jenkins))]);
    }

    /// <summary>True for the Secret holding the endpoint's user name and token.</summary>
    public static bool IsCredentials(JsonObject document) =>
        Kind(document) == "Secret" && document["stringData"] is JsonObject data && data.ContainsKey("username");

    public static string Kind(JsonObject document) => document["kind"]!.GetValue<string>();

    public static string Name(JsonObject document) => document["metadata"]!["name"]!.GetValue<string>();

    private static List<JsonObject> Load(string ns)
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
                documents.Add(document);
            }
        }
        // Endpoints before tasks, Secrets before both: the order a user would apply them in.
        return [.. documents.OrderBy(d => Kind(d) switch { "Secret" => 0, "JenkinsEndpoint" => 1, _ => 2 })];
    }

    private static JsonObject Retarget(JsonObject document, SandboxJenkins jenkins)
    {
        if (Kind(document) == "JenkinsEndpoint")
        {
            document["spec"]!["url"] = jenkins.Url.ToString();
            document["spec"]!["allowInsecureHttp"] = jenkins.Url.Scheme == "http";
        }
        else if (IsCredentials(document))
        {
            document["stringData"]!["username"] = jenkins.User;
            document["stringData"]!["token"] = jenkins.Token;
        }
        return document;
    }
}
