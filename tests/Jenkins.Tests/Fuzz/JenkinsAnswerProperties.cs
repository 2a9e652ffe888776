using CiBridge.Jenkins.Errors;
using FsCheck;
using FsCheck.Fluent;

namespace CiBridge.Jenkins.Tests.Fuzz;

/// <summary>
/// Whatever Jenkins (or a proxy, or something else) answers, every client operation either
/// succeeds or throws a <see cref="JenkinsException"/> with a defined kind and a message: never
/// another exception. Each property runs at least <see cref="Cases"/> generated answers, each
/// through every operation; on a failure FsCheck prints the seed that replays it.
/// </summary>
public sealed class JenkinsAnswerProperties
{
    private const int Cases = 500;
    private const int JsonCap = 4096;

    private static readonly JenkinsClientOptions s_options = new()
    {
        ReadRetries = 0,
        RequestTimeout = TimeSpan.FromSeconds(10),
        BreakerMinimumThroughput = int.MaxValue,
        MaxJsonBytes = JsonCap,
        ConsoleChunkMaxBytes = JsonCap,
    };

    [Fact]
    public Task MalformedWrongTypedOrForeignBodies_FailClassified() => CheckAsync("200 bodies", JenkinsAnswers.Ok);

    [Fact]
    public Task AnyStatusRedirectOrLoginPage_FailsClassified() => CheckAsync("statuses and redirects", JenkinsAnswers.AnyStatus);

    [Fact]
    public Task HugeBodies_AreCutAtTheCap_AndFailClassified() => CheckAsync("huge bodies", JenkinsAnswers.Huge(JsonCap));

    private static async Task CheckAsync(string name, Gen<WireAnswer> answers)
    {
        await using var server = await ScriptedJenkins.StartAsync();
        using var client = new JenkinsClientFactory().Create(new JenkinsEndpointSettings
        {
            BaseUrl = server.BaseAddress,
            UserName = "fuzz",
            Secret = "fuzz-token",
            Options = s_options,
        });
        var outcomes = new Dictionary<string, int>(StringComparer.Ordinal);
        var cases = 0;
        var property = Prop.ForAll(answers.ToArbitrary(), answer =>
        {
            cases++;
            server.Answer = answer;
            foreach (var (operation, run) in ClientOperation.All)
            {
                var (outcome, stray) = Outcome(() => run(client, TestContext.Current.CancellationToken));
                if (stray is not null) return false.Label($"{operation}: unclassified {stray.GetType().Name}: {stray.Message} for {answer}");
                outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
            }
            return true.ToProperty();
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(Cases), property);
        var summary = $"{name}: {cases} cases x {ClientOperation.All.Count} operations; outcomes {string.Join(", ", outcomes.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => $"{o.Key}={o.Value}"))}";
        TestContext.Current.TestOutputHelper?.WriteLine(summary);
        TestContext.Current.SendDiagnosticMessage(summary);
        Assert.True(cases >= Cases, summary);
    }

    /// <summary>"ok" or the error kind; anything that is not a classified failure comes back as the stray exception.</summary>
    private static (string Outcome, Exception? Stray) Outcome(Func<Task> call)
    {
        try
        {
            call().GetAwaiter().GetResult();
            return ("ok", null);
        }
        catch (JenkinsException e) when (Enum.IsDefined(e.Kind) && !string.IsNullOrWhiteSpace(e.Message))
        {
            return (e.Kind.ToString(), null);
        }
        catch (Exception e)
        {
            return ("stray", e);
        }
    }
}
