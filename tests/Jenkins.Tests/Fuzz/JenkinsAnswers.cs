using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;

namespace CiBridge.Jenkins.Tests.Fuzz;

/// <summary>Generators of answers a Jenkins, a proxy in front of it or something else entirely might give.</summary>
internal static class JenkinsAnswers
{
    /// <summary>Field names the client reads, so random JSON hits them often.</summary>
    private static readonly string[] s_fields =
    [
        "_class", "name", "fullName", "url", "color", "jobs", "builds", "number", "queueId", "building", "result",
        "duration", "timestamp", "estimatedDuration", "actions", "parameters", "value", "lastBuiltRevision", "SHA1",
        "buildable", "nextBuildNumber", "lastBuild", "inQueue", "property", "parameterDefinitions", "type", "choices",
        "defaultParameterValue", "description", "id", "why", "cancelled", "executable", "task", "items", "crumb",
        "crumbRequestField", "anonymous", "useCrumbs", "useSecurity",
    ];

    /// <summary>Well-formed answers of the kinds the client asks for, to be mutated.</summary>
    private static readonly string[] s_samples =
    [
        """{"_class":"hudson.model.FreeStyleProject","fullName":"hello","url":"http://j/job/hello/","buildable":true,"nextBuildNumber":3,"lastBuild":{"number":2},"inQueue":false,"property":[{"parameterDefinitions":[{"name":"BRANCH","type":"StringParameterDefinition","choices":["a"],"defaultParameterValue":{"value":"main"}}]}]}""",
        """{"_class":"hudson.model.FreeStyleBuild","number":2,"queueId":7,"building":false,"result":"SUCCESS","duration":10,"timestamp":1700000000000,"estimatedDuration":5,"url":"http://j/job/hello/2/","actions":[{"parameters":[{"name":"BRANCH","value":"main"}]},{"lastBuiltRevision":{"SHA1":"abc"}}]}""",
        """{"_class":"hudson.model.Queue$LeftItem","id":7,"cancelled":false,"why":null,"executable":{"number":2,"url":"http://j/job/hello/2/"},"task":{"name":"hello"}}""",
        """{"jobs":[{"name":"hello","url":"http://j/job/hello/","color":"blue"},{"name":"f","url":"http://j/job/f/","jobs":[{"name":"x","url":"http://j/job/f/job/x/","color":"red"}]}]}""",
        """{"builds":[{"number":2,"queueId":7,"building":false,"result":"SUCCESS","actions":[]}]}""",
        """{"items":[{"id":9,"task":{"name":"hello","url":"http://j/job/hello/"},"actions":[{"parameters":[{"name":"CIBRIDGE_RUN_ID","value":"r"}]}]}]}""",
        """{"_class":"hudson.security.csrf.DefaultCrumbIssuer","crumb":"abc","crumbRequestField":"Jenkins-Crumb"}""",
        """{"_class":"hudson.security.WhoAmI","name":"admin","anonymous":false,"authenticated":true}""",
        """{"useCrumbs":true,"useSecurity":true}""",
    ];

    private const string LoginPage =
        "<!DOCTYPE html><html><head><title>Sign in [Jenkins]</title></head><body><form name=\"login\" action=\"j_spring_security_check\" method=\"post\"><input name=\"j_username\"></form></body></html>";

    public static Gen<string> Text { get; } = Gen.OneOf(
        ArbMap.Default.GeneratorFor<string>().Select(s => s ?? ""),
        Gen.Elements("", " ", "é", "日本語", "\u0000", "\ud83d\ude00", "<script>", "null", "NaN", new string('x', 3000)));

    public static Gen<JsonNode?> Scalar { get; } = Gen.OneOf(
        Gen.Constant<JsonNode?>(null),
        Gen.Elements<JsonNode?>(JsonValue.Create(true), JsonValue.Create(false)),
        Gen.Elements(0d, -1d, 1.5d, 1e300, -1e300, 9.2233720368547758e18, 2147483648d, 253402300800000d).Select(d => (JsonNode?)JsonValue.Create(d)),
        Gen.Elements(long.MaxValue, long.MinValue, int.MaxValue + 1L, 7L).Select(n => (JsonNode?)JsonValue.Create(n)),
        Text.Select(s => (JsonNode?)JsonValue.Create(s)));

    public static Gen<JsonNode?> Json(int depth) => depth <= 0 ? Scalar : Gen.Frequency(
        (3, Scalar),
        (2, Gen.ListOf(Json(depth - 1)).Select(items => (JsonNode?)new JsonArray(items.Take(6).Select(i => i?.DeepClone()).ToArray()))),
        (4, Gen.ListOf(Gen.Elements(s_fields).Zip(Json(depth - 1))).Select(Object)));

    /// <summary>A real-looking answer with one field, anywhere in it, replaced by random JSON.</summary>
    public static Gen<string> Mutated { get; } =
        from sample in Gen.Elements(s_samples)
        from pick in Gen.Choose(0, 1000)
        from replacement in Json(2)
        select Mutate(sample, pick, replacement);

    public static Gen<string> Body { get; } = Gen.Frequency(
        (4, Mutated),
        (3, Json(4).Select(j => j?.ToJsonString() ?? "null")),
        (1, Gen.Elements(s_samples).SelectMany(s => Gen.Choose(0, s.Length - 1).Select(n => s[..n]))),
        (1, Gen.Constant(LoginPage)),
        (1, Text));

    public static Gen<WireAnswer> Ok { get; } =
        from body in Body
        from contentType in Gen.Elements("application/json", "text/html;charset=utf-8", "text/plain")
        from xJenkins in Gen.Frequency((4, Gen.Constant(true)), (1, Gen.Constant(false)))
        select new WireAnswer(200, contentType, body, null, xJenkins);

    public static Gen<WireAnswer> AnyStatus { get; } =
        from status in Gen.Elements(200, 201, 204, 301, 302, 303, 307, 400, 401, 403, 404, 405, 409, 410, 429, 500, 502, 503, 504)
        from location in Gen.Elements<string?>(null, "http://j/login?from=%2F", "https://sso.example.com/oauth2/auth", "/queue/item/12/", "/queue/item/x/", "::not a url::", "http://j/job/other/")
        from body in Gen.OneOf(Body, Gen.Constant(""), Gen.Constant(LoginPage))
        from xJenkins in ArbMap.Default.GeneratorFor<bool>()
        select new WireAnswer(status, "text/html", body, location, xJenkins);

    /// <summary>Bodies around and far over a cap of <paramref name="cap"/> bytes.</summary>
    public static Gen<WireAnswer> Huge(int cap) =>
        from size in Gen.Choose(cap - 64, cap * 8)
        from sample in Gen.Elements(s_samples)
        select new WireAnswer(200, "application/json", Pad(sample, size), null, true);

    private static JsonNode? Object(IEnumerable<(string Key, JsonNode? Value)> fields)
    {
        var obj = new JsonObject();
        foreach (var (key, value) in fields.Take(8)) obj[key] = value?.DeepClone();
        return obj;
    }

    private static string Mutate(string sample, int pick, JsonNode? replacement)
    {
        var root = JsonNode.Parse(sample)!;
        var slots = Slots(root).ToList();
        var (parent, key) = slots[pick % slots.Count];
        parent[key] = replacement?.DeepClone();
        return root.ToJsonString();
    }

    private static IEnumerable<(JsonObject Parent, string Key)> Slots(JsonNode? node)
    {
        if (node is JsonObject obj)
        {
            foreach (var (key, value) in obj.ToList())
            {
                yield return (obj, key);
                foreach (var inner in Slots(value)) yield return inner;
            }
        }
        else if (node is JsonArray array)
        {
            foreach (var item in array) foreach (var inner in Slots(item)) yield return inner;
        }
    }

    /// <summary>Valid JSON of about <paramref name="size"/> bytes: the sample with a long padding field.</summary>
    private static string Pad(string sample, int size)
    {
        var obj = JsonNode.Parse(sample)!.AsObject();
        obj["padding"] = new string('p', Math.Max(0, size - sample.Length - 14));
        return obj.ToJsonString();
    }
}
