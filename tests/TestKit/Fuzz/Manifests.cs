using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;

namespace CiBridge.TestKit.Fuzz;

/// <summary>One generated manifest and what was done to it, for FsCheck's report of a failing case.</summary>
/// <param name="Kind">CiTask or JenkinsEndpoint.</param>
/// <param name="Body">The manifest as a user could send it.</param>
/// <param name="Mutations">The changes made to a valid manifest, as "path=value".</param>
public sealed record Manifest(string Kind, JsonObject Body, IReadOnlyList<string> Mutations)
{
    public override string ToString() => $"{Kind} [{string.Join("; ", Mutations)}] {Body.ToJsonString()}";
}

/// <summary>
/// Generators of JenkinsEndpoint and CiTask manifests: valid ones, then up to three fields set to
/// odd values (wrong types, huge or unicode strings, control characters, out-of-range numbers,
/// integral floats, null) or removed, anywhere the user can write.
/// </summary>
public static class Manifests
{
    private static readonly string[] s_taskPaths =
    [
        "spec", "spec.endpointRef", "spec.endpointRef.kind", "spec.endpointRef.name", "spec.job", "spec.revision",
        "spec.parameters", "spec.parameters.0", "spec.parameters.0.name", "spec.parameters.0.value", "spec.parameters.0.valueFrom",
        "spec.timeout", "spec.retries", "spec.deletionPolicy", "metadata.annotations", "metadata.annotations.cibridge.dev/run-requested-at",
    ];

    private static readonly string[] s_endpointPaths =
    [
        "spec", "spec.url", "spec.authType", "spec.credentialsSecretRef", "spec.credentialsSecretRef.name", "spec.urls", "spec.urls.apiUrl",
        "spec.caBundle", "spec.caBundle.secretKeyRef", "spec.caBundle.secretKeyRef.key", "spec.insecureSkipTlsVerify",
        "spec.allowInsecureHttp", "spec.proxyUrl", "spec.verifyInterval", "spec.jobDiscovery", "spec.jobDiscovery.maxDepth",
        "spec.jobDiscovery.limit", "metadata.annotations", "metadata.annotations.cibridge.dev/verify-requested-at",
    ];

    /// <summary>Odd values a user could write, biased towards the edges the code has to handle.</summary>
    public static Gen<JsonNode?> OddValue { get; } = Gen.OneOf(
        Gen.Constant<JsonNode?>(null),
        Gen.Elements<JsonNode?>(JsonValue.Create(true), JsonValue.Create(false)),
        Gen.Elements(0L, -1L, 3L, 10L, 11L, 501L, int.MaxValue + 1L, long.MaxValue).Select(n => (JsonNode?)JsonValue.Create(n)),
        Gen.Elements(3.0d, 3.5d, -0.5d, 1e30d).Select(d => (JsonNode?)JsonValue.Create(d)),
        Gen.Elements(
            "", " ", "x", "main\n", "a\u00a0b", "日本語", "\ud83d\ude00", "a\u0000b", "\u001b[31m", "a//b", "../x", "folder/job",
            "2000h", "99999999999999999999h", "-5m", "1.5h", "25h", "169h", "0s", "http://169.254.169.254/", "ftp://x",
            "https://jenkins.example.com/", "JenkinsEndpoint", "GitLabEndpoint", "Token", "Password", "Orphan", "BRANCH", "1BRANCH",
            new string('x', 300), new string('é', 1100), new string('y', 70_000)).Select(s => (JsonNode?)JsonValue.Create(s)),
        Gen.Elements<JsonNode?>(new JsonArray(), new JsonArray(JsonValue.Create("a"), null), new JsonObject(), new JsonObject { ["name"] = "x" }));

    /// <summary>A CiTask or JenkinsEndpoint manifest, valid or with up to three odd fields.</summary>
    public static Gen<Manifest> Any(string ns) => Gen.OneOf(Task(ns), Endpoint(ns));

    public static Gen<Manifest> Task(string ns) => Mutated("CiTask", () => ValidTask(ns), s_taskPaths);

    public static Gen<Manifest> Endpoint(string ns) => Mutated("JenkinsEndpoint", () => ValidEndpoint(ns), s_endpointPaths);

    private static Gen<Manifest> Mutated(string kind, Func<JsonObject> valid, string[] paths) =>
        from count in Gen.Frequency((1, Gen.Constant(0)), (3, Gen.Choose(1, 3)))
        from changes in Gen.ArrayOf(Gen.Elements(paths).Zip(Gen.Frequency((5, OddValue.Select(v => (Set: true, Value: v))), (1, Gen.Constant((Set: false, Value: (JsonNode?)null))))), count)
        from suffix in Gen.Choose(0, 999_999)
        select Apply(kind, valid(), changes, suffix);

    private static Manifest Apply(string kind, JsonObject obj, (string Path, (bool Set, JsonNode? Value) Change)[] changes, int suffix)
    {
        obj["metadata"]!["name"] = $"fuzz-{suffix}";
        var notes = new List<string>();
        foreach (var (path, (set, value)) in changes)
        {
            if (Change(obj, path.Split('.'), set, value)) notes.Add(set ? $"{path}={value?.ToJsonString() ?? "null"}" : $"-{path}");
        }
        return new Manifest(kind, obj, notes);
    }

    /// <summary>Sets or removes the field at <paramref name="path"/> ("cibridge.dev/…" stays one key); false when a parent is not an object or array.</summary>
    private static bool Change(JsonObject root, string[] path, bool set, JsonNode? value)
    {
        var keys = path.Length > 2 && path[^2] == "cibridge" ? [.. path[..^2], $"{path[^2]}.{path[^1]}"] : path;
        JsonNode? parent = root;
        foreach (var key in keys[..^1]) parent = Child(parent, key);
        var last = keys[^1];
        switch (parent)
        {
            case JsonObject o when set:
                o[last] = value?.DeepClone();
                return true;
            case JsonObject o:
                return o.Remove(last);
            case JsonArray a when int.TryParse(last, out var i) && i < a.Count:
                a[i] = set ? value?.DeepClone() : null;
                return true;
            default:
                return false;
        }
    }

    private static JsonNode? Child(JsonNode? node, string key) => node switch
    {
        JsonObject o => o[key],
        JsonArray a when int.TryParse(key, out var i) && i < a.Count => a[i],
        _ => null,
    };

    private static JsonObject ValidTask(string ns) => new()
    {
        ["apiVersion"] = "cibridge.dev/v1alpha1",
        ["kind"] = "CiTask",
        ["metadata"] = new JsonObject { ["name"] = "fuzz", ["namespace"] = ns, ["annotations"] = new JsonObject { ["cibridge.dev/run-requested-at"] = "2026-01-01T00:00:00Z" } },
        ["spec"] = new JsonObject
        {
            ["endpointRef"] = new JsonObject { ["kind"] = "JenkinsEndpoint", ["name"] = "jenkins" },
            ["job"] = "platform/build",
            ["revision"] = "3f2c9e1",
            ["parameters"] = new JsonArray(new JsonObject { ["name"] = "BRANCH", ["value"] = "main" }),
            ["timeout"] = "30m",
            ["retries"] = 1,
            ["deletionPolicy"] = "Abort",
        },
    };

    private static JsonObject ValidEndpoint(string ns) => new()
    {
        ["apiVersion"] = "cibridge.dev/v1alpha1",
        ["kind"] = "JenkinsEndpoint",
        ["metadata"] = new JsonObject { ["name"] = "fuzz", ["namespace"] = ns, ["annotations"] = new JsonObject { ["cibridge.dev/verify-requested-at"] = "2026-01-01T00:00:00Z" } },
        ["spec"] = new JsonObject
        {
            ["url"] = "https://jenkins.test/",
            ["authType"] = "Token",
            ["credentialsSecretRef"] = new JsonObject { ["name"] = "jenkins-credentials" },
            ["urls"] = new JsonObject { ["apiUrl"] = "https://jenkins-api.test/" },
            ["caBundle"] = new JsonObject { ["secretKeyRef"] = new JsonObject { ["name"] = "ca", ["key"] = "ca.crt" } },
            ["insecureSkipTlsVerify"] = false,
            ["allowInsecureHttp"] = false,
            ["verifyInterval"] = "5m",
            ["jobDiscovery"] = new JsonObject { ["maxDepth"] = 2, ["limit"] = 50 },
        },
    };
}
