using BenchmarkDotNet.Running;
using CiBridge.Entities;
using CiBridge.Entities.CiTasks;
using CiBridge.Kubernetes.Benchmarks;
using CiBridge.Kubernetes.Cache;
using CiBridge.Kubernetes.Client;
using CiBridge.Kubernetes.Configuration;

// `dotnet run -c Release` prints the harness figures; `-- bdn [--job short]` runs the BenchmarkDotNet suite.
if (args.Length > 0 && args[0] == "bdn")
{
    BenchmarkSwitcher.FromAssembly(typeof(DispatchBenchmarks).Assembly).Run(args[1..]);
    return;
}

const int Tasks = 10_000;
var server = new FakeListServer(Tasks);
var json = KubernetesJson.CreateOptions(EntitiesJsonContext.Default);
var client = KubernetesClientFactory.Create(
    new KubernetesClientConfiguration { Server = new Uri("https://127.0.0.1:6443") },
    new KubernetesClientOptions { FieldManager = "bench" }, json, TimeProvider.System, server);

var (count, retained) = await MeasureCacheAsync(client);
Console.WriteLine($"cache: {count:N0} CiTasks ({server.ListBytes / 1024.0 / 1024.0:F1} MiB of list JSON) retain {retained / 1024.0 / 1024.0:F1} MiB = {retained / (double)count:N0} bytes per CiTask (store + one index)");

foreach (var workers in new[] { 1, 4 })
{
    var (rate, elapsed) = await DispatchBenchmarks.MeasureAsync(workers, 200_000);
    Console.WriteLine($"dispatch: {workers} worker(s): 200,000 keys reconciled in {elapsed.TotalMilliseconds:N0} ms = {rate:N0} reconciles/s");
}

// Memory held by a synced informer: a throwaway list first warms the buffer pools that parsing
// uses (ArrayPool), so the difference counts only what the informer keeps.
static async Task<(int Count, long Retained)> MeasureCacheAsync(IKubernetesClient client)
{
    var warmUp = await client.ListAsync<CiTask>(null, CancellationToken.None);
    var listed = warmUp.Items.Count;
    warmUp = null;
    var before = GC.GetTotalMemory(forceFullCollection: true);
    var informer = Informer.Create<CiTask>(client, new InformerOptions(), TimeProvider.System);
    informer.AddIndex("spec.endpointRef.name", t => [t.Spec.EndpointRef!.Name]);
    using var cts = new CancellationTokenSource();
    var run = informer.RunAsync(cts.Token);
    while (!informer.HasSynced) await Task.Delay(TimeSpan.FromMilliseconds(10), TimeProvider.System, CancellationToken.None);
    var after = GC.GetTotalMemory(forceFullCollection: true);
    var count = informer.List().Count;
    await cts.CancelAsync();
    await run;
    GC.KeepAlive(informer);
    return (count == listed ? count : -1, after - before);
}
