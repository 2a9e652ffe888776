using System.CommandLine;

namespace CiBridge.Operator.Cli;

/// <summary>
/// Builds the command line: <c>run</c> (default), <c>crds</c>, <c>jenkins …</c>, and the cluster
/// verbs <c>verify</c>, <c>rerun</c>, <c>logs</c> (also <c>kubectl cibridge …</c>).
/// </summary>
internal static class RootCommandFactory
{
    public static RootCommand Create()
    {
        var root = new RootCommand("CiBridge: connects a Kubernetes cluster to Jenkins the GitOps way.");
        RunCommand.Attach(root);
        root.Subcommands.Add(RunCommand.Create());
        root.Subcommands.Add(CrdsCommand.Create());
        root.Subcommands.Add(JenkinsCommand.Create());
        root.Subcommands.Add(Cluster.VerifyCommand.Create());
        root.Subcommands.Add(Cluster.RerunCommand.Create());
        root.Subcommands.Add(Cluster.LogsCommand.Create());
        return root;
    }
}
