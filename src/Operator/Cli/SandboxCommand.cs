using System.CommandLine;
using CiBridge.Operator.Crds;

namespace CiBridge.Operator.Cli;

/// <summary>
/// <c>sandbox</c>: the local stand-ins for a cluster and a Jenkins. Until they exist this prints
/// the CRDs the sandbox will install, and says so.
/// </summary>
internal static class SandboxCommand
{
    public static Command Create()
    {
        var command = new Command("sandbox", "Run CiBridge locally against a stand-in API server and Jenkins (no cluster needed).");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("The sandbox API server and Jenkins stand-in are not built yet; these are the CRDs it will install:");
            Console.Out.Write(string.Join("", CrdManifests.Render().Select(m => m.Yaml)));
            return 0;
        });
        return command;
    }
}
