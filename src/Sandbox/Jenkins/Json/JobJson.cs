using System.Text.Json.Nodes;
using CiBridge.Sandbox.Jenkins.Model;

namespace CiBridge.Sandbox.Jenkins.Json;

/// <summary>The JSON of jobs and folders. <c>full</c> renders nested objects completely (for
/// <c>tree=</c>, which selects regardless of visibility); otherwise nested objects are depth-0 summaries.</summary>
internal static class JobJson
{
    public static JsonObject Summary(JenkinsItem item, string root)
    {
        var json = new JsonObject { ["_class"] = item.JavaClass, ["name"] = item.Name, ["url"] = root + item.RelativeUrl };
        if (!item.IsFolder) json["color"] = item.Color;
        return json;
    }

    public static JsonObject Item(JenkinsItem item, JsonContext context, int level = 0) =>
        item.IsFolder ? Folder(item, context, level) : Job(item, context);

    public static JsonArray Children(JenkinsItem folder, JsonContext context, int level) => new(folder.Children.Values
        .OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase)
        .Select(c => (JsonNode)(context.Full && level < 12 ? Item(c, context, level + 1) : Summary(c, context.Root)))
        .ToArray());

    private static JsonObject Folder(JenkinsItem folder, JsonContext context, int level)
    {
        var json = Common(folder, context.Root, new JsonArray(new JsonObject()));
        json["healthReport"] = new JsonArray();
        json["jobs"] = Children(folder, context, level);
        json["primaryView"] = AllView(context.Root + folder.RelativeUrl);
        json["views"] = new JsonArray(AllView(context.Root + folder.RelativeUrl));
        return json;
    }

    private static JsonObject Job(JenkinsItem job, JsonContext context)
    {
        var actions = new JsonArray();
        if (job.IsParameterized) actions.Add(DefinitionsProperty(job));
        actions.Add(new JsonObject());
        var json = Common(job, context.Root, actions);
        var builds = job.Builds.AsEnumerable().Reverse().ToList();
        JsonNode? Link(BuildRecord? b) => b is null ? null : context.Full ? BuildJson.Full(b, context.Root) : BuildJson.Summary(b, context.Root);
        json["buildable"] = !job.Disabled;
        json["builds"] = new JsonArray(builds.Take(100).Select(Link).ToArray());
        if (context.Full) json["allBuilds"] = new JsonArray(builds.Select(Link).ToArray());
        json["color"] = job.Color;
        json["firstBuild"] = Link(job.Builds.FirstOrDefault());
        json["healthReport"] = new JsonArray();
        json["inQueue"] = context.QueuedItem(job) is not null;
        json["keepDependencies"] = false;
        json["lastBuild"] = Link(builds.FirstOrDefault());
        json["lastCompletedBuild"] = Link(builds.Find(b => !b.Building));
        json["lastFailedBuild"] = Link(builds.Find(b => b.Result == "FAILURE"));
        json["lastStableBuild"] = Link(builds.Find(b => b.Result == "SUCCESS"));
        json["lastSuccessfulBuild"] = Link(builds.Find(b => b.Result is "SUCCESS" or "UNSTABLE"));
        json["lastUnstableBuild"] = Link(builds.Find(b => b.Result == "UNSTABLE"));
        json["lastUnsuccessfulBuild"] = Link(builds.Find(b => b.Result is not null and not "SUCCESS"));
        json["nextBuildNumber"] = job.NextBuildNumber;
        json["property"] = job.IsParameterized ? new JsonArray(DefinitionsProperty(job)) : new JsonArray();
        json["queueItem"] = context.QueuedItem(job) is { } queued ? QueueJson.Item(queued, context) : null;
        json["concurrentBuild"] = job.Kind == JobKind.Pipeline;
        json["disabled"] = job.Disabled;
        return json;
    }

    private static JsonObject Common(JenkinsItem item, string root, JsonArray actions) => new()
    {
        ["_class"] = item.JavaClass,
        ["actions"] = actions,
        ["description"] = item.Description,
        ["displayName"] = item.Name,
        ["displayNameOrNull"] = null,
        ["fullDisplayName"] = item.FullDisplayName,
        ["fullName"] = item.FullName,
        ["name"] = item.Name,
        ["url"] = root + item.RelativeUrl,
    };

    private static JsonObject DefinitionsProperty(JenkinsItem job) => new()
    {
        ["_class"] = "hudson.model.ParametersDefinitionProperty",
        ["parameterDefinitions"] = new JsonArray(job.Parameters.Select(p => (JsonNode)Definition(p)).ToArray()),
    };

    private static JsonObject Definition(StandInParameter parameter)
    {
        var json = new JsonObject
        {
            ["_class"] = parameter.JavaClass,
            ["defaultParameterValue"] = BuildJson.ParameterValue(parameter, parameter.EffectiveDefault),
            ["description"] = parameter.Description ?? "",
            ["name"] = parameter.Name,
            ["type"] = parameter.JavaClass["hudson.model.".Length..],
        };
        if (parameter.Kind == ParameterKind.Choice) json["choices"] = new JsonArray((parameter.Choices ?? []).Select(c => (JsonNode?)c).ToArray());
        if (parameter.Kind == ParameterKind.Text) json["trim"] = false;
        return json;
    }

    public static JsonObject AllView(string url) => new() { ["_class"] = "hudson.model.AllView", ["name"] = "all", ["url"] = url };
}
