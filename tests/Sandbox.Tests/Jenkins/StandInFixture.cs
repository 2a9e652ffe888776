using CiBridge.Sandbox.Jenkins;
using CiBridge.TestKit;

namespace CiBridge.Sandbox.Tests.Jenkins;

/// <summary>A stand-in with the example configuration on a manual clock, one per test.</summary>
internal sealed class StandInFixture : IAsyncDisposable
{
    private StandInFixture(JenkinsStandIn standIn, TimerCountingTimeProvider time)
    {
        StandIn = standIn;
        Time = time;
    }

    public JenkinsStandIn StandIn { get; }
    public TimerCountingTimeProvider Time { get; }
    public Uri BaseAddress => StandIn.BaseAddress;

    public static async Task<StandInFixture> StartAsync(Func<JenkinsStandInOptions, JenkinsStandInOptions>? configure = null)
    {
        var time = new TimerCountingTimeProvider();
        var options = new JenkinsStandInOptions { TimeProvider = time };
        options = configure?.Invoke(options) ?? options;
        var standIn = await JenkinsStandIn.StartAsync(options, TestContext.Current.CancellationToken);
        JenkinsStandInExample.Apply(standIn);
        return new StandInFixture(standIn, time);
    }

    public ValueTask DisposeAsync() => StandIn.DisposeAsync();
}
