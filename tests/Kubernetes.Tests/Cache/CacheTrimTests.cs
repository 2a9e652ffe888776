using System.Text.Json;
using CiBridge.Kubernetes.Cache;
using CiBridge.Kubernetes.Client;
using CiBridge.Kubernetes.Tests.Support;
using CiBridge.TestKit;

namespace CiBridge.Kubernetes.Tests.Cache;

/// <summary>What the informer's store keeps of an object: no managedFields, no last-applied copy, everything else.</summary>
public sealed class CacheTrimTests
{
    private static readonly CancellationToken s_ct = TestContext.Current.CancellationToken;

    private const string LastApplied = "\"kubectl.kubernetes.io/last-applied-configuration\":\"{\\\"apiVersion\\\":\\\"example.com/v1\\\",\\\"kind\\\":\\\"Widget\\\"}\\n\"";

    private const string ManagedFields = "\"managedFields\":[{\"manager\":\"kubectl\",\"operation\":\"Update\",\"fieldsType\":\"FieldsV1\",\"fieldsV1\":{\"f:spec\":{}}}]";

    /// <summary>An item as kubectl apply leaves it: managedFields, the last-applied copy, and optionally an annotation of the user's own.</summary>
    private static string Applied(string json, bool ownAnnotation) =>
        json.Replace("\"labels\":", $"{ManagedFields},\"annotations\":{{{LastApplied}{(ownAnnotation ? ",\"team\":\"blue\"" : "")}}},\"labels\":", StringComparison.Ordinal);

    [Fact]
    public async Task ListedAndWatchedObjects_LoseTheLastAppliedCopy_AndKeepEveryOtherAnnotation()
    {
        var api = new ScriptedApi()
            .List("10", Applied(ScriptedApi.Item("listed", "5"), ownAnnotation: true), Applied(ScriptedApi.Item("bare", "6"), ownAnnotation: false))
            .Watch(Applied(ScriptedApi.Event("MODIFIED", "listed", "11", color: "blue"), ownAnnotation: true), Applied(ScriptedApi.Event("ADDED", "watched", "12"), ownAnnotation: false));
        var time = new TimerCountingTimeProvider();
        var informer = Informer.Create<Widget>(api.Client(time), new InformerOptions(), time);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(s_ct);

        var run = informer.RunAsync(cts.Token);
        await Eventually.HoldsAsync(() => informer.List().Count == 3 && informer.List().Any(w => w.Metadata.ResourceVersion == "11"), "watch events applied", ct: s_ct);

        var byName = informer.List().ToDictionary(w => w.Metadata.Name!);
        Assert.Equal(new Dictionary<string, string> { ["team"] = "blue" }, byName["listed"].Metadata.Annotations);
        var cached = JsonSerializer.Serialize(byName["listed"], KubernetesJson.CreateOptions(TestJsonContext.Default).TypeInfo<Widget>());
        Assert.DoesNotContain("managedFields", cached, StringComparison.Ordinal);
        Assert.DoesNotContain("last-applied", cached, StringComparison.Ordinal);
        Assert.Equal("blue", byName["listed"].Spec.Color);
        Assert.Null(byName["bare"].Metadata.Annotations);
        Assert.Null(byName["watched"].Metadata.Annotations);
        Assert.Equal("red", byName["watched"].Metadata.Labels!["color"]);
        await cts.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(10), s_ct);
    }
}
