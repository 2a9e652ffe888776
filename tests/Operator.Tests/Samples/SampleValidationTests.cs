using System.Text.Json.Nodes;
using CiBridge.Kubernetes.Yaml;
using CiBridge.Operator.Crds;
using CiBridge.Sandbox.ApiServer.Schema;
using CiBridge.TestKit;

namespace CiBridge.Operator.Tests.Samples;

/// <summary>The samples in config/samples against the schemas the API server will enforce.</summary>
public sealed class SampleValidationTests
{
    private const string ExpectPrefix = "# expect: ";

    public static TheoryData<string> ValidSamples() =>
        [.. Directory.GetFiles(RepositoryPaths.Combine("config", "samples"), "*.yaml").Select(Path.GetFileName).OfType<string>()
            .Where(name => name != "kustomization.yaml")];

    public static TheoryData<string> InvalidSamples() =>
        [.. Directory.GetFiles(RepositoryPaths.Combine("config", "samples", "invalid"), "*.yaml").Select(Path.GetFileName).OfType<string>()];

    [Theory]
    [MemberData(nameof(ValidSamples))]
    public void ValidSample_PassesSchemaOfItsKind(string fileName)
    {
        var text = File.ReadAllText(RepositoryPaths.Combine("config", "samples", fileName));

        foreach (var document in YamlJson.ReadDocuments(text))
        {
            Assert.Empty(Admit(document));
        }
    }

    [Theory]
    [MemberData(nameof(InvalidSamples))]
    public void InvalidSample_IsRejectedWithItsExpectedError(string fileName)
    {
        var text = File.ReadAllText(RepositoryPaths.Combine("config", "samples", "invalid", fileName));
        var expected = text.Split('\n').Single(line => line.StartsWith(ExpectPrefix, StringComparison.Ordinal))[ExpectPrefix.Length..];

        var errors = Admit(YamlJson.ReadSingle(text)).Select(e => e.ToString()).ToList();

        Assert.True(errors.Any(e => e.StartsWith(expected, StringComparison.Ordinal)),
            $"{fileName} should fail with \"{expected}\" but got [{string.Join("; ", errors)}]");
    }

    [Fact]
    public void Kustomization_ListsEverySample()
    {
        var kustomization = YamlJson.ReadSingle(File.ReadAllText(RepositoryPaths.Combine("config", "samples", "kustomization.yaml")));
        var listed = kustomization["resources"]!.AsArray().Select(r => r!.GetValue<string>()).Order(StringComparer.Ordinal);

        Assert.Equal(ValidSamples().Select(row => (string)row.Data).Order(StringComparer.Ordinal), listed);
    }

    /// <summary>What kube-apiserver does to a custom resource on create: prune, default, validate.</summary>
    private static IReadOnlyList<FieldError> Admit(JsonNode document)
    {
        var apiVersion = document["apiVersion"]!.GetValue<string>();
        if (!apiVersion.StartsWith("cibridge.dev/", StringComparison.Ordinal)) return [];
        var kind = document["kind"]!.GetValue<string>();
        var schema = SchemaOf(kind);
        StructuralSchema.Prune(document, schema);
        StructuralSchema.ApplyDefaults(document, schema);
        return StructuralSchema.Validate(document, schema);
    }

    private static JsonObject SchemaOf(string kind)
    {
        var crd = CrdManifests.Render()
            .Select(m => YamlJson.ReadSingle(m.Yaml))
            .Single(c => c["spec"]!["names"]!["kind"]!.GetValue<string>() == kind);
        return crd["spec"]!["versions"]![0]!["schema"]!["openAPIV3Schema"]!.AsObject();
    }
}
