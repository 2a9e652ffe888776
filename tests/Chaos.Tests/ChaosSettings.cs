using System.Globalization;

namespace CiBridge.Chaos.Tests;

/// <summary>
/// How hard one run of the suite pushes: the short mode for CI by default, the long mode with
/// <c>CIBRIDGE_CHAOS=long</c>. <c>CIBRIDGE_CHAOS_SEED</c> replays a run whose seed a failure printed.
/// </summary>
internal sealed record ChaosSettings(string Mode, int Seed, int Kills, int Scale)
{
    public static ChaosSettings FromEnvironment()
    {
        var seedText = Environment.GetEnvironmentVariable("CIBRIDGE_CHAOS_SEED");
        var seed = string.IsNullOrEmpty(seedText) ? Random.Shared.Next() : int.Parse(seedText, CultureInfo.InvariantCulture);
        return Environment.GetEnvironmentVariable("CIBRIDGE_CHAOS") == "long"
            ? new ChaosSettings("long", seed, Kills: 200, Scale: 4)
            : new ChaosSettings("short", seed, Kills: 30, Scale: 1);
    }

    /// <summary>The shortest and longest an operator process lives before it is killed.</summary>
    public static (TimeSpan Min, TimeSpan Max) Lifetime { get; } = (TimeSpan.FromMilliseconds(1200), TimeSpan.FromMilliseconds(4000));
}
