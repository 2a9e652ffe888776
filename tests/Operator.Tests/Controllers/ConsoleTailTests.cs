using CiBridge.Operator.Controllers.Tasks;

namespace CiBridge.Operator.Tests.Controllers;

public sealed class ConsoleTailTests
{
    [Fact]
    public void Redact_ReplacesEverySecretValue_LongestFirst()
    {
        var text = ConsoleTail.Redact("deploy with key s3cr3t-longer and s3cr3t\n", new HashSet<string> { "s3cr3t", "s3cr3t-longer" });

        Assert.Equal("deploy with key *** and ***\n", text);
    }

    [Fact]
    public void Redact_IgnoresEmptyValues()
    {
        Assert.Equal("abc", ConsoleTail.Redact("abc", new HashSet<string> { "" }));
    }
}
