using System.CommandLine;
using CiBridge.Jenkins;

namespace CiBridge.Operator.Cli;

/// <summary><c>jenkins verify|jobs|trigger</c>: check a Jenkins endpoint from the command line, without a cluster.</summary>
internal static class JenkinsCommand
{
    public static Command Create(IJenkinsClientFactory? factory = null)
    {
        var clients = factory ?? new JenkinsClientFactory();
        var command = new Command("jenkins", "Talk to a Jenkins endpoint directly: verify credentials, list jobs, trigger a build.");
        command.Subcommands.Add(JenkinsVerifyCommand.Create(clients));
        command.Subcommands.Add(JenkinsJobsCommand.Create(clients));
        command.Subcommands.Add(JenkinsTriggerCommand.Create(clients));
        return command;
    }
}
