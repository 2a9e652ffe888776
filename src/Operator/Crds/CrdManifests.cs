using System.Text.Json.Nodes;
using CiBridge.Entities.CiTasks;
using CiBridge.Entities.JenkinsEndpoints;
using CiBridge.Kubernetes.Crds;
using CiBridge.Kubernetes.Yaml;

namespace CiBridge.Operator.Crds;

/// <summary>The CRDs of CiBridge's kinds, generated from the C# entity types, one file per kind.</summary>
public static class CrdManifests
{
    public const string RegenerateCommand = "dotnet run --project src/Operator -- crds --output config/crds";

    private static readonly Type[] s_kinds = [typeof(JenkinsEndpoint), typeof(CiTask)];

    /// <summary>File name (controller-gen's <c>group_plural.yaml</c>) and YAML text of each CRD.</summary>
    public static IReadOnlyList<(string FileName, string Yaml)> Render() =>
        [.. s_kinds.Select(kind => CrdGenerator.Generate(kind)).Select(crd => (FileName(crd), Header + YamlJson.Write(crd)))];

    private static string FileName(JsonObject crd)
    {
        var spec = crd["spec"]!;
        return $"{spec["group"]}_{spec["names"]!["plural"]}.yaml";
    }

    private const string Header = $"# Generated from src/Entities by `{RegenerateCommand}`. Do not edit.\n";
}
