using System.Globalization;

namespace CiBridge.Operator.Benchmarks;

/// <summary>The report's memory and start-up rows, which name the objects the operator held (<see cref="Preload"/>).</summary>
internal static class PreloadReport
{
    public static string Memory(Figures f)
    {
        var s = f.Settings;
        var atEnd = Invariant($"{MiB(f.ResidentBytes)} at the end ({s.PreloadTasks + f.Runs:N0} CiTasks, {s.PreloadEndpoints + 1:N0} endpoints)");
        return s.PreloadEndpoints == 0 ? atEnd : Invariant($"{MiB(f.Preload.SettledResidentBytes)} settled after start ({s.PreloadTasks:N0} CiTasks, {s.PreloadEndpoints + 1:N0} endpoints); {atEnd}");
    }

    public static string StartToReady(Figures f)
    {
        var s = f.Settings;
        var objects = s.PreloadTasks + (2 * s.PreloadEndpoints);
        return s.PreloadEndpoints == 0
            ? Invariant($"{f.StartToReady.TotalSeconds:0.00} s (nearly empty cluster)")
            : Invariant($"{f.StartToReady.TotalSeconds:0.00} s with {objects:N0} objects to sync ({s.PreloadTasks:N0} CiTasks, {s.PreloadEndpoints:N0} endpoints and their Secrets); a bare client lists them in {f.Preload.ListFloor.TotalSeconds:0.00} s");
    }

    /// <summary>What the operator asked of the API server from its start until the preloaded endpoints were verified and writes settled; null without a preload.</summary>
    public static string? AtStart(Figures f)
    {
        if (f.Settings.PreloadEndpoints == 0) return null;
        var requests = string.Join(", ", f.Preload.StartRequests.Where(p => p.Value != 0).OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => Invariant($"{p.Key} {p.Value}")));
        return Invariant($"From start until the {f.Settings.PreloadEndpoints:N0} preloaded endpoints were verified and writes settled ({f.Preload.Settled.TotalSeconds:0.0} s after ready), operator requests at the API server: {requests}.");
    }

    private static string MiB(long bytes) => Invariant($"{bytes / (1024.0 * 1024):0} MiB");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
