using System.Text;
using System.Text.Json.Nodes;
using CiBridge.Operator.Crds;
using CiBridge.Sandbox.ApiServer;
using CiBridge.TestKit.Fuzz;
using FsCheck;
using FsCheck.Fluent;

namespace CiBridge.EndToEnd.Tests.Fuzz;

/// <summary>
/// Generated manifests sent raw to the sandbox API server with our CRDs, as kubectl would send
/// them: never a 5xx; a 422 names the field of every cause; an accepted object keeps every value
/// sent (nothing silently dropped; integral floats come back as integers, as kube serves them).
/// </summary>
public sealed class SchemaProperties
{
    private const int Cases = 500;
    private const string Namespace = "fuzz";

    [Fact]
    public async Task AnyManifest_IsStoredIntactOrRefusedNamingTheField_NeverA5xx()
    {
        await using var api = await SandboxApiServer.StartAsync(new SandboxApiServerOptions(), Scenario.Ct);
        foreach (var (_, yaml) in CrdManifests.Render()) await api.ApplyAsync(yaml, Scenario.Ct);
        using var http = api.CreateHttpClient(maxConnectionsPerServer: 4, TimeSpan.FromSeconds(60));
        await SendAsync(http, HttpMethod.Post, "/api/v1/namespaces", $$$"""{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"{{{Namespace}}}"}}""");
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);

        var property = Prop.ForAll(Manifests.Any(Namespace).ToArbitrary(), manifest =>
        {
            var (code, problem) = CheckAsync(http, manifest).GetAwaiter().GetResult();
            counts[$"{manifest.Kind} {code}"] = counts.GetValueOrDefault($"{manifest.Kind} {code}") + 1;
            return (problem is null).Label($"{code}: {problem} for {manifest}");
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(Cases), property);

        var summary = $"schema: {counts.Values.Sum()} cases; {string.Join(", ", counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}={c.Value}"))}";
        TestContext.Current.TestOutputHelper?.WriteLine(summary);
        TestContext.Current.SendDiagnosticMessage(summary);
        Assert.True(counts.Values.Sum() >= Cases, summary);
    }

    private static async Task<(int Code, string? Problem)> CheckAsync(HttpClient http, Manifest manifest)
    {
        var resource = manifest.Kind == "CiTask" ? "citasks" : "jenkinsendpoints";
        var collection = $"/apis/cibridge.dev/v1alpha1/namespaces/{Namespace}/{resource}";
        var strict = "?fieldValidation=Strict"; // as kubectl sends it: an unknown field is refused, not dropped
        var (code, body) = await SendAsync(http, HttpMethod.Post, collection + strict, manifest.Body.ToJsonString());
        var answer = TryParse(body);
        if (code >= 500) return (code, $"server error: {body}");
        if (code == 422) return (code, UnnamedCause(answer));
        if (code != 201) return (code, code is 400 or 409 && !string.IsNullOrWhiteSpace(answer?["message"]?.GetValue<string>()) ? null : $"unexpected answer: {body}");
        var name = answer!["metadata"]!["name"]!.GetValue<string>();
        var (_, stored) = await SendAsync(http, HttpMethod.Get, $"{collection}/{name}", null);
        await SendAsync(http, HttpMethod.Delete, $"{collection}/{name}", null);
        var lost = Lost(manifest.Body["spec"], TryParse(stored)?["spec"], "spec");
        return (code, lost is null ? null : $"{lost} was sent but not stored");
    }

    /// <summary>A cause of a 422 that names no field, or null when every cause names one.</summary>
    private static string? UnnamedCause(JsonNode? status)
    {
        var causes = status?["details"]?["causes"]?.AsArray() ?? [];
        if (causes.Count == 0) return $"a 422 without causes: {status?.ToJsonString()}";
        var unnamed = causes.FirstOrDefault(c => string.IsNullOrWhiteSpace(c?["field"]?.GetValue<string>()));
        return unnamed is null ? null : $"a cause without a field: {unnamed.ToJsonString()}";
    }

    /// <summary>The path of the first value sent that the stored object does not hold; nulls are pruned, as kube prunes them.</summary>
    private static string? Lost(JsonNode? sent, JsonNode? stored, string path) => sent switch
    {
        null => null,
        JsonObject o => o.Select(p => Lost(p.Value, (stored as JsonObject)?[p.Key], $"{path}.{p.Key}")).FirstOrDefault(l => l is not null),
        JsonArray a => stored is JsonArray s && s.Count == a.Count
            ? a.Select((item, i) => Lost(item, s[i], $"{path}[{i}]")).FirstOrDefault(l => l is not null)
            : path,
        JsonValue v when v.TryGetValue<double>(out var number) => stored is JsonValue w && w.TryGetValue<double>(out var kept) && kept.Equals(number) ? null : path,
        _ => JsonNode.DeepEquals(sent, stored) ? null : path,
    };

    private static JsonNode? TryParse(string body)
    {
        try
        {
            return JsonNode.Parse(body);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static async Task<(int Code, string Body)> SendAsync(HttpClient http, HttpMethod method, string path, string? json)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await http.SendAsync(request, Scenario.Ct);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(Scenario.Ct));
    }
}
