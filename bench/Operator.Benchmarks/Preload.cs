using System.Diagnostics;
using System.Text.Json.Nodes;

namespace CiBridge.Operator.Benchmarks;

/// <summary>
/// <c>--preload-tasks N --preload-endpoints M</c>: before the operator starts, M JenkinsEndpoints
/// (each with its own credentials Secret, all pointing at the Jenkins stand-in) and N CiTasks spread
/// over them, in their own namespace, with the status an earlier operator would have left
/// (<see cref="PreloadObjects"/>). After start, waits until the operator verified every endpoint
/// and its writes settled, which is when the settled memory figure is taken.
/// </summary>
internal static class Preload
{
    private const int Writers = 32;

    /// <summary>Creates the objects (status through the status subresource); returns how long it took.</summary>
    public static async Task<TimeSpan> CreateAsync(BenchWorld world, BenchSettings settings)
    {
        var (tasks, endpoints) = (settings.PreloadTasks, settings.PreloadEndpoints);
        var started = Stopwatch.GetTimestamp();
        var client = world.Client;
        await client.CreateAsync("/api/v1/namespaces", $$$"""{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"{{{PreloadObjects.Ns}}}"}}""");
        await Parallel.ForEachAsync(Enumerable.Range(0, endpoints), new ParallelOptions { MaxDegreeOfParallelism = Writers }, async (i, _) =>
        {
            await client.CreateAsync(PreloadObjects.Secrets, PreloadObjects.Secret(i));
            await CreateWithStatusAsync(client, PreloadObjects.Endpoints, PreloadObjects.EndpointName(i), PreloadObjects.Endpoint(i, world.Proxy.BaseAddress));
        });
        await Parallel.ForEachAsync(Enumerable.Range(0, tasks), new ParallelOptions { MaxDegreeOfParallelism = Writers }, async (i, _) =>
            await CreateWithStatusAsync(client, PreloadObjects.Tasks, PreloadObjects.TaskName(i), PreloadObjects.Task(i, i % endpoints)));
        await Parallel.ForEachAsync(Enumerable.Range(0, settings.PreloadHelmSecrets), new ParallelOptions { MaxDegreeOfParallelism = Writers }, async (i, _) =>
            await client.CreateAsync(PreloadObjects.Secrets, PreloadObjects.HelmReleaseSecret(i)));
        return Stopwatch.GetElapsedTime(started);
    }

    /// <summary>
    /// The floor of a start: a bare client lists every kind the operator caches (one list each, all
    /// namespaces) and parses the answers, as the operator must before it is ready.
    /// </summary>
    public static async Task<TimeSpan> ListFloorAsync(BenchWorld world)
    {
        var started = Stopwatch.GetTimestamp();
        string[] kinds = [$"/apis/{Entities.CiBridgeApi.ApiVersion}/citasks", $"/apis/{Entities.CiBridgeApi.ApiVersion}/jenkinsendpoints", "/api/v1/secrets", "/api/v1/configmaps"];
        foreach (var kind in kinds) await world.Client.ListAsync(kind);
        return Stopwatch.GetElapsedTime(started);
    }

    /// <summary>
    /// Waits until every preloaded endpoint shows a verification by this operator (a
    /// <c>lastVerifiedTime</c> after the preloaded one), then until no write came for a while.
    /// </summary>
    public static async Task WaitVerifiedAsync(BenchWorld world, int endpoints, TimeSpan timeout)
    {
        var started = Stopwatch.GetTimestamp();
        while (await VerifiedAsync(world) < endpoints)
        {
            if (Stopwatch.GetElapsedTime(started) > timeout) throw new TimeoutException($"the operator had not verified all {endpoints} preloaded endpoints within {timeout.TotalSeconds:0} s");
            await Task.Delay(TimeSpan.FromMilliseconds(500), TimeProvider.System);
        }
    }

    private static async Task<int> VerifiedAsync(BenchWorld world) =>
        (await world.Client.ListAsync(PreloadObjects.Endpoints)).Count(e =>
            DateTimeOffset.TryParse(e?["status"]?["lastVerifiedTime"]?.ToString(), System.Globalization.CultureInfo.InvariantCulture, out var at) && at > PreloadObjects.Before);

    private static async Task CreateWithStatusAsync(ApiClient client, string collection, string name, string json)
    {
        await client.CreateAsync(collection, json);
        var status = new JsonObject { ["status"] = JsonNode.Parse(json)!["status"]!.DeepClone() };
        await client.MergePatchAsync($"{collection}/{name}/status", status.ToJsonString());
    }
}
