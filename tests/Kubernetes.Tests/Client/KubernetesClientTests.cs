using System.Net;
using System.Text.Json.Nodes;
using CiBridge.Kubernetes.Client;
using CiBridge.Kubernetes.Controllers;
using CiBridge.Kubernetes.Models;
using CiBridge.Kubernetes.Tests.Support;
using CiBridge.TestKit;

namespace CiBridge.Kubernetes.Tests.Client;

public sealed class KubernetesClientTests
{
    private static readonly CancellationToken s_ct = TestContext.Current.CancellationToken;
    private static readonly ObjectKey s_key = new("team-a", "w1");
    private const string WidgetJson = """{"apiVersion":"example.com/v1","kind":"Widget","metadata":{"name":"w1","namespace":"team-a","resourceVersion":"7"},"spec":{"color":"blue"}}""";

    [Fact]
    public async Task Get_Existing_ReadsTypedObjectFromCustomResourcePath()
    {
        var api = new FakeApi((_, _) => Task.FromResult(FakeApi.Json(HttpStatusCode.OK, WidgetJson)));

        var widget = await api.Client(new TimerCountingTimeProvider()).GetAsync<Widget>(s_key, s_ct);

        Assert.Equal("blue", widget!.Spec.Color);
        Assert.Equal("7", widget.Metadata.ResourceVersion);
        Assert.Equal("/apis/example.com/v1/namespaces/team-a/widgets/w1", Assert.Single(api.Requests).PathAndQuery);
    }

    [Fact]
    public async Task Get_Missing_ReturnsNull()
    {
        var api = new FakeApi((_, _) => Task.FromResult(FakeApi.Status(404, "NotFound")));

        Assert.Null(await api.Client(new TimerCountingTimeProvider()).GetAsync<Secret>(new ObjectKey("ns", "s"), s_ct));
        Assert.Equal("/api/v1/namespaces/ns/secrets/s", Assert.Single(api.Requests).PathAndQuery);
    }

    [Fact]
    public async Task List_BuiltInKind_StampsKindAndReadsResourceVersion()
    {
        const string list = """{"kind":"SecretList","apiVersion":"v1","metadata":{"resourceVersion":"42","continue":"abc"},"items":[{"metadata":{"name":"a"},"data":{"k":"aGk="}}]}""";
        var api = new FakeApi((_, _) => Task.FromResult(FakeApi.Json(HttpStatusCode.OK, list)));

        var result = await api.Client(new TimerCountingTimeProvider()).ListAsync<Secret>(new ListOptions { Namespace = "ns", LabelSelector = "app=x" }, s_ct);

        var secret = Assert.Single(result.Items);
        Assert.Equal(("Secret", "v1"), (secret.Kind, secret.ApiVersion));
        Assert.Equal("hi", System.Text.Encoding.UTF8.GetString(secret.Data!["k"]));
        Assert.Equal(("42", "abc"), (result.ResourceVersion, result.Continue));
        Assert.Equal("/api/v1/namespaces/ns/secrets?labelSelector=app%3Dx", Assert.Single(api.Requests).PathAndQuery);
    }

    [Fact]
    public async Task Create_Invalid_ThrowsApiExceptionWithReasonAndCauses()
    {
        const string invalid = """{"kind":"Status","apiVersion":"v1","status":"Failure","message":"Widget is invalid","reason":"Invalid","code":422,"details":{"name":"w1","kind":"Widget","causes":[{"reason":"FieldValueInvalid","message":"bad color","field":"spec.color"}]}}""";
        var api = new FakeApi((_, _) => Task.FromResult(FakeApi.Json(HttpStatusCode.UnprocessableEntity, invalid)));

        var error = await Assert.ThrowsAsync<ApiException>(() => api.Client(new TimerCountingTimeProvider()).CreateAsync(Widget.Named("team-a", "w1"), s_ct));

        Assert.Equal((422, "Invalid"), (error.StatusCode, error.Reason));
        Assert.Equal("spec.color", Assert.Single(error.Causes).Field);
        Assert.Single(api.Requests);
        var request = Assert.Single(api.Requests);
        Assert.Equal("/apis/example.com/v1/namespaces/team-a/widgets?fieldManager=test-manager", request.PathAndQuery);
        Assert.Contains("\"color\":\"red\"", request.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replace_StaleResourceVersion_SurfacesConflictWithoutRetry()
    {
        var api = new FakeApi((_, _) => Task.FromResult(FakeApi.Status(409, "Conflict", "the object has been modified")));

        var error = await Assert.ThrowsAsync<ApiException>(() => api.Client(new TimerCountingTimeProvider()).ReplaceAsync(Widget.Named("team-a", "w1", rv: "3"), s_ct));

        Assert.True(error.IsConflict);
        Assert.Equal(HttpMethod.Put, Assert.Single(api.Requests).Method);
    }

    [Fact]
    public async Task Patch_Kinds_SendContentTypeAndFieldManager()
    {
        var api = new FakeApi((_, _) => Task.FromResult(FakeApi.Json(HttpStatusCode.OK, WidgetJson)));
        var client = api.Client(new TimerCountingTimeProvider());

        await client.PatchAsync<Widget>(s_key, Patch.Merge(new JsonObject { ["spec"] = new JsonObject { ["color"] = "green" } }), s_ct);
        await client.PatchAsync<Widget>(s_key, Patch.Json([new JsonObject { ["op"] = "replace", ["path"] = "/spec/color", ["value"] = "x" }]), s_ct);
        await client.Status.PatchStatusAsync<Widget>(s_key, Patch.Apply(new JsonObject { ["status"] = new JsonObject() }), s_ct);

        var requests = api.Requests.ToArray();
        Assert.Equal([Patch.MergeContentType, Patch.JsonPatchContentType, Patch.ApplyContentType], requests.Select(r => r.ContentType));
        Assert.Equal("/apis/example.com/v1/namespaces/team-a/widgets/w1/status?fieldManager=test-manager&force=true", requests[2].PathAndQuery);
    }

    [Fact]
    public async Task Delete_Missing_ReturnsFalse()
    {
        var api = new FakeApi((_, _) => Task.FromResult(FakeApi.Status(404, "NotFound")));

        Assert.False(await api.Client(new TimerCountingTimeProvider()).DeleteAsync<Widget>(s_key, s_ct));
    }

    [Fact]
    public async Task Get_TooManyRequests_WaitsRetryAfterThenRetries()
    {
        var time = new TimerCountingTimeProvider();
        var calls = 0;
        var api = new FakeApi((_, _) =>
        {
            if (Interlocked.Increment(ref calls) > 1) return Task.FromResult(FakeApi.Json(HttpStatusCode.OK, WidgetJson));
            var response = FakeApi.Status(429, "TooManyRequests");
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(7));
            return Task.FromResult(response);
        });

        var get = api.Client(time).GetAsync<Widget>(s_key, s_ct).AsTask();
        await Eventually.HoldsAsync(() => time.ArmedTimers > 0 && calls == 1, "retry delay armed", ct: s_ct);
        time.Advance(TimeSpan.FromSeconds(6));
        Assert.Equal(1, calls);
        time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal("blue", (await get.WaitAsync(TimeSpan.FromSeconds(10), s_ct))!.Spec.Color);
        Assert.Equal(2, calls);
    }

    [Theory]
    [InlineData("GET is retried after 503", "GET", 2)]
    [InlineData("POST is not retried after 503", "POST", 1)]
    public async Task ServerError_RetriedOnlyForIdempotentVerbs(string name, string verb, int expectedCalls)
    {
        _ = name;
        var calls = 0;
        var api = new FakeApi((_, _) => Task.FromResult(Interlocked.Increment(ref calls) == 1
            ? FakeApi.Status(503, "ServiceUnavailable")
            : FakeApi.Json(HttpStatusCode.OK, WidgetJson)));
        var client = api.Client(TimeProvider.System);
        var options = new KubernetesClientOptions { FieldManager = "m" };
        Assert.Equal(TimeSpan.FromMilliseconds(200), options.RetryDelay);

        Func<Task> call = verb == "GET"
            ? () => client.GetAsync<Widget>(s_key, s_ct).AsTask()
            : () => client.CreateAsync(Widget.Named("team-a", "w1"), s_ct);
        if (expectedCalls == 1) await Assert.ThrowsAsync<ApiException>(call);
        else await call();

        Assert.Equal(expectedCalls, calls);
    }

    [Fact]
    public async Task Requests_CarryBearerTokenFromCredentialSource()
    {
        var api = new FakeApi((_, _) => Task.FromResult(FakeApi.Json(HttpStatusCode.OK, WidgetJson)));

        await api.Client(new TimerCountingTimeProvider(), new CiBridge.Kubernetes.Configuration.StaticTokenCredential("s3cret")).GetAsync<Widget>(s_key, s_ct);

        Assert.Equal("Bearer s3cret", Assert.Single(api.Requests).Authorization);
    }
}
