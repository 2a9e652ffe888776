using CiBridge.Operator.Crds;
using CiBridge.TestKit;

namespace CiBridge.Operator.Tests.Crds;

public sealed class CrdFreshnessTests
{
    public static TheoryData<string> Kinds() => [.. CrdManifests.Render().Select(m => m.FileName)];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void CommittedCrd_MatchesGeneratorOutput(string fileName)
    {
        var generated = CrdManifests.Render().Single(m => m.FileName == fileName).Yaml;
        var path = RepositoryPaths.Combine("config", "crds", fileName);

        var committed = File.Exists(path) ? File.ReadAllText(path) : "(missing)";

        Assert.True(committed == generated,
            $"config/crds/{fileName} is out of date with src/Entities. Regenerate it with `{CrdManifests.RegenerateCommand}` and commit the result.");
    }

    [Fact]
    public void CrdFolder_HoldsOnlyGeneratedFiles()
    {
        var expected = CrdManifests.Render().Select(m => m.FileName).Order(StringComparer.Ordinal);
        var present = Directory.GetFiles(RepositoryPaths.Combine("config", "crds"), "*.yaml")
            .Select(Path.GetFileName)
            .Where(name => name != "kustomization.yaml")
            .Order(StringComparer.Ordinal);

        Assert.Equal(expected, present);
    }
}
