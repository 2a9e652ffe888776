using System.CommandLine;
using CiBridge.Operator.Crds;

namespace CiBridge.Operator.Cli;

/// <summary><c>crds --output DIR</c>: writes the generated CRDs (or prints them without --output).</summary>
internal static class CrdsCommand
{
    public static Command Create()
    {
        var output = new Option<DirectoryInfo?>("--output", "-o")
        {
            Description = "Directory to write one CRD file per kind into; without it the CRDs go to standard output.",
        };
        var command = new Command("crds", "Generate the CustomResourceDefinitions from the C# entity types.") { output };
        command.SetAction(result => Run(result.GetValue(output)));
        return command;
    }

    private static int Run(DirectoryInfo? output)
    {
        var manifests = CrdManifests.Render();
        if (output is null)
        {
            Console.Out.Write(string.Join("", manifests.Select(m => m.Yaml)));
            return 0;
        }
        output.Create();
        foreach (var (fileName, yaml) in manifests)
        {
            var path = Path.Combine(output.FullName, fileName);
            File.WriteAllText(path, yaml);
            Console.Out.WriteLine($"wrote {Path.GetRelativePath(Environment.CurrentDirectory, path)}");
        }
        return 0;
    }
}
