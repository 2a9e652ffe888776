using System.Diagnostics;
using System.Globalization;
using System.Text;
using CiBridge.Sandbox.ApiServer;

namespace CiBridge.Sandbox.Benchmarks;

/// <summary>Writes, watches, lists and gets against one sandbox and prints the figures.</summary>
internal static class LoadHarness
{
    private const string Ns = "bench";

    public static async Task RunAsync(int objects, int watchers, int writers)
    {
        await using var server = await SandboxApiServer.StartAsync(new SandboxApiServerOptions { WatchHistorySize = objects * 2 });
        using var http = server.CreateHttpClient(maxConnectionsPerServer: 512, TimeSpan.FromMinutes(5));
        await PostAsync(http, "/api/v1/namespaces", """{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"bench"}}""");
        var startRv = await CurrentRvAsync(http);
        Console.WriteLine($"sandbox {server.BaseAddress}: {objects} ConfigMaps, {watchers} watchers, {writers} parallel writers, {Environment.ProcessorCount} cores");

        var clock = Stopwatch.StartNew();
        var watchTasks = Enumerable.Range(0, watchers).Select(_ => WatchUntilAsync(http, startRv, objects, clock)).ToList();
        var latencies = await WriteAllAsync(http, objects, writers);
        var writeTime = clock.Elapsed;
        Report("create", objects, writeTime, latencies);

        var finished = await Task.WhenAll(watchTasks);
        Console.WriteLine($"watch fan-out: all {watchers} watchers had all {objects} events {Ms(TimeSpan.FromTicks(Math.Max(0, (finished.Max() - writeTime).Ticks)))} after the last write returned (slowest watcher done at {Ms(finished.Max())})");

        await TimeAsync("list all (JSON)", () => GetAsync(http, $"/api/v1/namespaces/{Ns}/configmaps"));
        await TimeAsync("list all (Table)", () => GetAsync(http, $"/api/v1/namespaces/{Ns}/configmaps", "application/json;as=Table;v=v1;g=meta.k8s.io"));
        await TimeAsync("list by label (1/10)", () => GetAsync(http, $"/api/v1/namespaces/{Ns}/configmaps?labelSelector=shard%3D3"));
        await TimeAsync("list paginated (limit 500)", () => ListPagedAsync(http));
        var gets = await GetManyAsync(http, Math.Min(objects, 2_000));
        Report("get", gets.Count, gets.Sum(g => g.TotalMilliseconds) is var total ? TimeSpan.FromMilliseconds(total) : default, gets);
        var counts = await GetAsync(http, "/sandbox/requests");
        Console.WriteLine($"managed heap after run: {GC.GetTotalMemory(forceFullCollection: true) / (1024 * 1024)} MiB; request counters: {counts[..Math.Min(200, counts.Length)]}…");
    }

    private static async Task<List<TimeSpan>> WriteAllAsync(HttpClient http, int objects, int writers)
    {
        var next = -1;
        var latencies = new List<TimeSpan>[writers];
        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            latencies[w] = [];
            int i;
            while ((i = Interlocked.Increment(ref next)) < objects)
            {
                var start = Stopwatch.GetTimestamp();
                await PostAsync(http, $"/api/v1/namespaces/{Ns}/configmaps",
                    ConfigMap(i));
                latencies[w].Add(Stopwatch.GetElapsedTime(start));
            }
        })));
        return [.. latencies.SelectMany(l => l)];
    }

    private static string ConfigMap(int i) =>
        "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"cm-" + i.ToString(CultureInfo.InvariantCulture)
        + "\",\"labels\":{\"shard\":\"" + (i % 10).ToString(CultureInfo.InvariantCulture) + "\"}},\"data\":{\"payload\":\"" + new string('x', 256) + "\"}}";

    private static async Task<TimeSpan> WatchUntilAsync(HttpClient http, string rv, int expected, Stopwatch clock)
    {
        using var response = await http.GetAsync($"/api/v1/namespaces/{Ns}/configmaps?watch=1&resourceVersion={rv}", HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var seen = 0;
        while (seen < expected && await reader.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("{\"type\":\"ADDED\"", StringComparison.Ordinal)) seen++;
        }
        return clock.Elapsed;
    }

    private static async Task<string> ListPagedAsync(HttpClient http)
    {
        var token = "";
        var pages = 0;
        do
        {
            var page = System.Text.Json.Nodes.JsonNode.Parse(await GetAsync(http, $"/api/v1/namespaces/{Ns}/configmaps?limit=500&continue={Uri.EscapeDataString(token)}"))!;
            token = page["metadata"]?["continue"]?.ToString() ?? "";
            pages++;
        }
        while (token.Length > 0);
        return pages.ToString(CultureInfo.InvariantCulture);
    }

    private static async Task<List<TimeSpan>> GetManyAsync(HttpClient http, int count)
    {
        var latencies = new List<TimeSpan>();
        for (var i = 0; i < count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await GetAsync(http, $"/api/v1/namespaces/{Ns}/configmaps/cm-{i * 7 % count}");
            latencies.Add(Stopwatch.GetElapsedTime(start));
        }
        return latencies;
    }

    private static async Task TimeAsync(string what, Func<Task<string>> action)
    {
        var start = Stopwatch.GetTimestamp();
        var body = await action();
        Console.WriteLine($"{what,-28} {Ms(Stopwatch.GetElapsedTime(start)),10}   ({body.Length / 1024} KiB or pages: {(body.Length < 10 ? body : "-")})");
    }

    private static void Report(string what, int count, TimeSpan total, List<TimeSpan> latencies)
    {
        var sorted = latencies.Order().ToList();
        Console.WriteLine($"{what,-28} {count} in {Ms(total)} = {count / total.TotalSeconds:0} /s; p50 {Ms(sorted[sorted.Count / 2])}, p99 {Ms(sorted[(int)(sorted.Count * 0.99)])}, max {Ms(sorted[^1])}");
    }

    private static string Ms(TimeSpan t) => $"{t.TotalMilliseconds:0.0} ms";

    private static async Task<string> CurrentRvAsync(HttpClient http) =>
        System.Text.Json.Nodes.JsonNode.Parse(await GetAsync(http, $"/api/v1/namespaces/{Ns}/configmaps"))!["metadata"]!["resourceVersion"]!.ToString();

    private static async Task<string> GetAsync(HttpClient http, string path, string? accept = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (accept is not null) request.Headers.TryAddWithoutValidation("Accept", accept);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task PostAsync(HttpClient http, string path, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(path, content);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"POST {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
