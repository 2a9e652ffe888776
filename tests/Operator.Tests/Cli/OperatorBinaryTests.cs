using CiBridge.Operator.Hosting;

namespace CiBridge.Operator.Tests.Cli;

/// <summary>The production binary carries the operator only; the stand-ins live in src/Sandbox.Host.</summary>
public sealed class OperatorBinaryTests
{
    [Fact]
    public void OperatorAssembly_DoesNotReferenceTheSandbox()
    {
        var references = typeof(OperatorHost).Assembly.GetReferencedAssemblies().Select(a => a.Name);

        Assert.DoesNotContain("CiBridge.Sandbox", references);
    }

    [Fact]
    public async Task SandboxIsNoVerbOfTheOperator()
    {
        var run = await CliRun.RunAsync("sandbox");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("sandbox", run.Error, StringComparison.Ordinal);
    }
}
