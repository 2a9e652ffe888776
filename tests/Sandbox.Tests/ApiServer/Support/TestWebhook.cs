using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using CiBridge.Sandbox.ApiServer.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CiBridge.Sandbox.Tests.ApiServer.Support;

/// <summary>
/// A tiny validating webhook on https://127.0.0.1: denies CiTasks whose provider kind is not
/// JenkinsEndpoint, and records every AdmissionReview it receives.
/// </summary>
internal sealed class TestWebhook : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly SandboxCertificates _certificates;

    private TestWebhook(WebApplication app, SandboxCertificates certificates, Uri url)
    {
        _app = app;
        _certificates = certificates;
        Url = url;
    }

    public Uri Url { get; }

    public string CaBundle => Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes(_certificates.CaPem));

    public ConcurrentQueue<JsonObject> Reviews { get; } = new();

    public static async Task<TestWebhook> StartAsync()
    {
        var certificates = SandboxCertificates.Create(DateTimeOffset.UtcNow);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.UseHttps(certificates.Serving)));
        var app = builder.Build();
        TestWebhook? self = null;
        app.Run(context => self!.HandleAsync(context));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        self = new TestWebhook(app, certificates, new Uri(new Uri(address), "/validate"));
        return self;
    }

    private async Task HandleAsync(HttpContext context)
    {
        if (context.Request.Path == "/hang")
        {
            // Never answers: the API server's timeoutSeconds must give up first.
            await new TaskCompletionSource().Task.WaitAsync(context.RequestAborted);
            return;
        }
        var review = (await JsonNode.ParseAsync(context.Request.Body))!.AsObject();
        Reviews.Enqueue(review);
        var request = review["request"]!;
        var kind = request["object"]?["spec"]?["endpointRef"]?["kind"]?.ToString();
        var allowed = kind is null or "JenkinsEndpoint";
        var response = new JsonObject { ["uid"] = request["uid"]!.ToString(), ["allowed"] = allowed };
        if (!allowed)
        {
            response["status"] = new JsonObject { ["code"] = 403, ["message"] = $"provider kind \"{kind}\" is not approved; approved kinds: JenkinsEndpoint" };
        }
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(new JsonObject { ["apiVersion"] = "admission.k8s.io/v1", ["kind"] = "AdmissionReview", ["response"] = response }.ToJsonString());
    }

    /// <summary>A ValidatingWebhookConfiguration for CiTasks in one namespace only (tests share the server).</summary>
    public JsonObject Configuration(string name, string ns, string failurePolicy = "Fail", string? url = null) => new()
    {
        ["apiVersion"] = "admissionregistration.k8s.io/v1",
        ["kind"] = "ValidatingWebhookConfiguration",
        ["metadata"] = new JsonObject { ["name"] = name },
        ["webhooks"] = new JsonArray(new JsonObject
        {
            ["name"] = "approved-providers.cibridge.dev",
            ["admissionReviewVersions"] = new JsonArray("v1"),
            ["sideEffects"] = "None",
            ["failurePolicy"] = failurePolicy,
            ["timeoutSeconds"] = 5,
            ["clientConfig"] = new JsonObject { ["url"] = url ?? Url.ToString(), ["caBundle"] = CaBundle },
            ["namespaceSelector"] = new JsonObject { ["matchLabels"] = new JsonObject { ["kubernetes.io/metadata.name"] = ns } },
            ["rules"] = new JsonArray(new JsonObject
            {
                ["apiGroups"] = new JsonArray("cibridge.dev"),
                ["apiVersions"] = new JsonArray("v1alpha1"),
                ["resources"] = new JsonArray("citasks"),
                ["operations"] = new JsonArray("CREATE", "UPDATE"),
                ["scope"] = "Namespaced",
            }),
        }),
    };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _certificates.Dispose();
    }
}
