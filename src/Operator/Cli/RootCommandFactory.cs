using System.CommandLine;

namespace CiBridge.Operator.Cli;

/// <summary>Builds the command line: <c>run</c> (default), <c>crds</c>, <c>jenkins …</c>.</summary>
internal static class RootCommandFactory
{
    public static RootCommand Create()
    {
        var root = new RootCommand("CiBridge: connects a Kubernetes cluster to Jenkins the GitOps way.");
        RunCommand.Attach(root);
        root.Subcommands.Add(RunCommand.Create());
        root.Subcommands.Add(CrdsCommand.Create());
        root.Subcommands.Add(JenkinsCommand.Create());
        return root;
    }
}
