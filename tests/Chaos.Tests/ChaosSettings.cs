using System.Globalization;

namespace CiBridge.Chaos.Tests;

/// <summary>
/// How hard one run of the suite pushes: the short mode for CI by default, the long mode with
/// <c>CIBRIDGE_CHAOS=long</c>. <c>CIBRIDGE_CHAOS_SEED</c> replays a run whose seed a failure printed.
/// </summary>
internal sealed record ChaosSettings(string Mode, int Seed, int Kills, int LeaderKills, int Scale)
{
    /// <summary>True when <c>CIBRIDGE_CHAOS=long</c> asks for the long mode.</summary>
    public static bool LongModeRequested => Environment.GetEnvironmentVariable("CIBRIDGE_CHAOS") == "long";

    public static ChaosSettings Short() => new("short", NewSeed(), Kills: 30, LeaderKills: 1, Scale: 1);

    public static ChaosSettings Long() => new("long", NewSeed(), Kills: 200, LeaderKills: 5, Scale: 4);

    private static int NewSeed()
    {
        var seedText = Environment.GetEnvironmentVariable("CIBRIDGE_CHAOS_SEED");
        return string.IsNullOrEmpty(seedText) ? Random.Shared.Next() : int.Parse(seedText, CultureInfo.InvariantCulture);
    }

    /// <summary>The shortest and longest an operator process lives before it is killed.</summary>
    public static (TimeSpan Min, TimeSpan Max) Lifetime { get; } = (TimeSpan.FromMilliseconds(1200), TimeSpan.FromMilliseconds(4000));
}
