using System.CommandLine;
using CiBridge.Operator.Cli;

namespace CiBridge.EndToEnd.Tests;

/// <summary>The operator binary's command line run in-process against an environment's API server, output captured.</summary>
internal sealed record CliInvocation(int ExitCode, string Output, string Error)
{
    public static async Task<CliInvocation> RunAsync(OperatorEnvironment environment, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var all = args.Concat(["--kubeconfig", environment.KubeconfigPath]).ToArray();
        var exit = await RootCommandFactory.Create().Parse(all).InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, Scenario.Ct);
        return new CliInvocation(exit, output.ToString(), error.ToString());
    }

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
}
