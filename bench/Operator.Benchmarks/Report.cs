using System.Globalization;
using System.Text;

namespace CiBridge.Operator.Benchmarks;

/// <summary>The figures as a Markdown table (printed, and written into docs/performance.md).</summary>
internal static class Report
{
    public const string Start = "<!-- operator-benchmark:start -->";
    public const string End = "<!-- operator-benchmark:end -->";

    public static string Table(Figures f)
    {
        var s = f.Settings;
        var floor = Figures.Percentile(f.Floors, 0.5);
        var p50 = Figures.Percentile(f.Reactions, 0.5);
        var p99 = Figures.Percentile(f.Reactions, 0.99);
        var text = new StringBuilder();
        text.AppendLine(Invariant($"Run {TimeProvider.System.GetUtcNow():yyyy-MM-dd HH:mm} UTC on {Environment.ProcessorCount} cores: {s.Samples} reaction samples, burst {s.Burst} at QPS {f.Qps:0.#}, Jenkins latency {s.JenkinsLatencyMs} ms, {s.BuildSeconds:0.#} s builds, {s.IdleSeconds:0.#} s idle window{(s.PreloadHelmSecrets > 0 ? $", {s.PreloadHelmSecrets} Helm release Secrets of 100 KiB in the cluster" : "")}{(s.WarmUp > 0 ? $", after a warm-up of {s.WarmUp} runs" : "")}{(s.Short ? " (--short)" : "")}."));
        text.AppendLine();
        text.AppendLine("| measure | this run | target |");
        text.AppendLine("| --- | --- | --- |");
        Row(text, "reaction: create returns → trigger reaches Jenkins", $"p50 {Ms(p50)}, p99 {Ms(p99)}", "");
        Row(text, "reaction, the first after start (JIT; not in the percentiles)", Ms(f.FirstReaction), "");
        Row(text, "floor: 2 API writes + job GET + trigger POST, bare client", $"p50 {Ms(floor)}, p99 {Ms(Figures.Percentile(f.Floors, 0.99))}", "");
        Row(text, "reaction p99 / floor p50", $"{p99 / floor:0.00}×", "≤ 2×");
        Row(text, $"burst of {s.Burst} CiTasks at QPS {f.Qps:0.#}: all triggered", $"{f.BurstAllTriggered.TotalSeconds:0.00} s; bound (2 writes/run) {f.BurstBound.TotalSeconds:0.00} s ({f.BurstAllTriggered / f.BurstBound:0.00}×)", "≤ 1.25× the bound");
        Row(text, $"burst: triggers per second (QPS {f.Qps:0.#})", Invariant($"{f.TriggersPerSecond:0.0}/s; Jenkins round-trip bound {f.JenkinsRoundTripBound:0.0}/s ({f.TriggersPerSecond / f.JenkinsRoundTripBound:0.00}×); with the trigger round trip measured at Jenkins ({Ms(f.BurstTriggerRoundTrip)}) {f.MeasuredRoundTripBound:0.0}/s ({f.TriggersPerSecond / f.MeasuredRoundTripBound:0.00}×)"), "≥ 100/s or the round-trip bound, whichever is lower");
        Row(text, "burst: CPU used while triggering (operator / stand-ins + harness)", Invariant($"{f.BurstCpu.Operator.TotalSeconds:0.0} s / {f.BurstCpu.Harness.TotalSeconds:0.0} s in {f.BurstAllTriggered.TotalSeconds:0.0} s on {Environment.ProcessorCount} cores; operator {f.BurstCpu.Operator.TotalMilliseconds / s.Burst:0} ms per run; at that cost the cores allow {f.CpuBound:0.0} triggers/s ({f.TriggersPerSecond / f.CpuBound:0.00}×)"), "");
        Row(text, "burst: first create → every run finished", $"{f.AllFinished.TotalSeconds:0.0} s for {f.Finished} of {f.Runs} runs ({s.BuildSeconds:0.#} s builds); writes settled {f.Settling.TotalSeconds:0.0} s later", "");
        Row(text, $"API requests per run (operator, {f.Runs} runs)", PerRun(f), "≤ 4 writes, no extra reads");
        Row(text, $"Jenkins requests per build ({s.BuildSeconds:0.#} s builds)", Invariant($"{f.JenkinsRequestsPerBuild:0.0}"), "1 trigger + ⌈duration / poll⌉ + 1");
        Row(text, $"idle: writes / Jenkins calls in {s.IdleSeconds:0.#} s, all finished", $"{f.IdleWrites} / {f.IdleJenkinsRequests}", "0 / 0 per 20 s");
        Row(text, "resident memory of the operator", PreloadReport.Memory(f), "≤ 100 MB with 10,000 CiTasks + 1,000 endpoints");
        Row(text, "process start → /readyz", PreloadReport.StartToReady(f), "≤ 1 s with 10,000 objects to sync");
        text.AppendLine();
        if (PreloadReport.AtStart(f) is { } atStart) text.AppendLine(atStart).AppendLine();
        text.AppendLine(Invariant($"Per run, by request at the API server: {ByKind(f.ApiRequests, f.Runs)}."));
        if (f.IdleRequests.Count > 0) text.AppendLine().AppendLine(Invariant($"In the idle window, per run: {ByKind(f.IdleRequests, f.Runs)}."));
        text.AppendLine();
        text.AppendLine(Invariant($"Per build, by kind at Jenkins: {ByKind(f.JenkinsRequests, f.Runs)}."));
        return text.ToString();
    }

    private static string ByKind(IReadOnlyDictionary<string, long> counts, int runs) =>
        string.Join(", ", counts.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Select(p => Invariant($"{p.Key} {p.Value / (double)runs:0.00}")));

    /// <summary>Replaces the marked section of the Markdown file at <paramref name="path"/> with <paramref name="table"/>.</summary>
    public static void WriteInto(string path, string table)
    {
        var text = File.ReadAllText(path);
        var start = text.IndexOf(Start, StringComparison.Ordinal);
        var end = text.IndexOf(End, StringComparison.Ordinal);
        if (start < 0 || end < start) throw new ArgumentException($"{path} has no section between '{Start}' and '{End}' to write the figures into");
        File.WriteAllText(path, text[..(start + Start.Length)] + "\n" + table + text[end..]);
    }

    private static string PerRun(Figures f)
    {
        var writes = f.ApiRequests.Where(p => ApiClient.VerbOf(p.Key) is "create" or "update" or "patch" or "delete").ToList();
        var events = writes.Where(p => p.Key.EndsWith(" events", StringComparison.Ordinal)).Sum(p => p.Value);
        var total = writes.Sum(p => p.Value);
        return Invariant($"{f.ApiRequests.Values.Sum() / (double)f.Runs:0.0} ({total / (double)f.Runs:0.0} writes: {(total - events) / (double)f.Runs:0.0} to objects, {events / (double)f.Runs:0.0} Events)");
    }

    private static void Row(StringBuilder text, string measure, string value, string target) =>
        text.AppendLine(Invariant($"| {measure} | {value} | {target} |"));

    private static string Ms(TimeSpan t) => Invariant($"{t.TotalMilliseconds:0} ms");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
