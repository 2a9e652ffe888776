using System.Text.Json.Nodes;
using CiBridge.Kubernetes.Yaml;

namespace CiBridge.Kubernetes.Configuration;

/// <summary>
/// Merges kubeconfig files as kubectl does (<c>clientcmd</c>): files from <c>KUBECONFIG</c> in order,
/// the first file to define a cluster, user or context by name wins, and the first non-empty
/// <c>current-context</c> wins. Relative paths are relative to the file that holds them.
/// </summary>
internal static class KubeConfigLoader
{
    public static string HomeConfig(Func<string, string?> env) =>
        Path.Combine(env("HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".kube", "config");

    public static KubernetesClientConfiguration Load(KubeConfigOptions options, TimeProvider time)
    {
        var merged = Merge(Files(options));
        var contextName = options.Context ?? merged.CurrentContext
            ?? throw new KubeConfigException(merged.Describe(), "current-context", "not set and no context was chosen");
        var context = merged.Contexts.GetValueOrDefault(contextName)
            ?? throw new KubeConfigException(merged.Describe(), "contexts", $"no context named \"{contextName}\"");
        var where = context.Field;
        var clusterName = KubeConfigEntries.String(context, "cluster")
            ?? throw new KubeConfigException(context.File, $"{where}.cluster", "required");
        var cluster = merged.Clusters.GetValueOrDefault(clusterName)
            ?? throw new KubeConfigException(context.File, $"{where}.cluster", $"no cluster named \"{clusterName}\"");
        var userName = KubeConfigEntries.String(context, "user");
        var user = userName is null ? null : merged.Users.GetValueOrDefault(userName)
            ?? throw new KubeConfigException(context.File, $"{where}.user", $"no user named \"{userName}\"");
        var ns = options.Namespace ?? KubeConfigEntries.String(context, "namespace");
        return KubeConfigEntries.Build(cluster, user, string.IsNullOrEmpty(ns) ? "default" : ns, time);
    }

    private static List<string> Files(KubeConfigOptions options)
    {
        if (!string.IsNullOrEmpty(options.Path))
        {
            return File.Exists(options.Path) ? [options.Path] : throw new KubeConfigException(options.Path, "file", "not found");
        }
        var list = options.Environment("KUBECONFIG");
        if (!string.IsNullOrEmpty(list))
        {
            var files = list.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Where(File.Exists).ToList();
            return files.Count > 0 ? files : throw new KubeConfigException(list, "KUBECONFIG", "none of the files exist");
        }
        var home = HomeConfig(options.Environment);
        return File.Exists(home) ? [home] : throw new KubeConfigException(home, "file", "not found and KUBECONFIG is not set");
    }

    private static MergedConfig Merge(List<string> files)
    {
        var merged = new MergedConfig(files);
        foreach (var file in files)
        {
            var documents = ReadFile(file);
            if (documents.Count == 0) continue;
            if (documents[0] is not JsonObject root) throw new KubeConfigException(file, "(root)", "not a mapping");
            merged.CurrentContext ??= KubeConfigEntries.String(new Entry(root, file), "current-context") is { Length: > 0 } c ? c : null;
            AddNamed(root, "clusters", "cluster", file, merged.Clusters);
            AddNamed(root, "users", "user", file, merged.Users);
            AddNamed(root, "contexts", "context", file, merged.Contexts);
        }
        return merged;
    }

    private static IReadOnlyList<JsonNode> ReadFile(string file)
    {
        try
        {
            return YamlJson.ReadDocuments(File.ReadAllText(file));
        }
        catch (YamlFormatException e)
        {
            throw new KubeConfigException(file, "(yaml)", e.Message, e);
        }
        catch (IOException e)
        {
            throw new KubeConfigException(file, "file", $"cannot be read: {e.Message}", e);
        }
    }

    private static void AddNamed(JsonObject root, string list, string field, string file, Dictionary<string, Entry> into)
    {
        if (root[list] is null) return;
        if (root[list] is not JsonArray items) throw new KubeConfigException(file, list, "must be a list");
        for (var i = 0; i < items.Count; i++)
        {
            var name = items[i]?["name"] is JsonValue v && v.TryGetValue<string>(out var n) ? n
                : throw new KubeConfigException(file, $"{list}[{i}].name", "required");
            if (items[i]?[field] is not JsonObject body)
            {
                throw new KubeConfigException(file, $"{list}[name={name}].{field}", "required and must be a mapping");
            }
            into.TryAdd(name, new Entry(body, file, $"{list}[name={name}].{field}"));
        }
    }

    private sealed class MergedConfig(List<string> files)
    {
        public string? CurrentContext { get; set; }

        public Dictionary<string, Entry> Clusters { get; } = [];

        public Dictionary<string, Entry> Users { get; } = [];

        public Dictionary<string, Entry> Contexts { get; } = [];

        public string Describe() => string.Join(Path.PathSeparator, files);
    }
}

/// <summary>One cluster, user or context body, with the file it came from.</summary>
internal sealed record Entry(JsonObject Body, string File, string Field = "");
