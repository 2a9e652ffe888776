using System.Text.Json.Nodes;
using CiBridge.Sandbox.Jenkins.Model;

namespace CiBridge.Sandbox.Jenkins.Json;

/// <summary>The JSON of a build (<c>Run</c>'s exported properties) and of its actions.</summary>
internal static class BuildJson
{
    public static JsonObject Summary(BuildRecord build, string root) => new()
    {
        ["_class"] = BuildClass(build.Job),
        ["number"] = build.Number,
        ["url"] = root + build.RelativeUrl,
    };

    public static JsonObject Full(BuildRecord build, string root)
    {
        var pipeline = build.Job.Kind == JobKind.Pipeline;
        var json = new JsonObject
        {
            ["_class"] = BuildClass(build.Job),
            ["actions"] = Actions(build),
            ["artifacts"] = new JsonArray(),
            ["building"] = build.Building,
            ["description"] = null,
            ["displayName"] = "#" + build.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["duration"] = build.FinishedAt is { } end ? (long)(end - build.StartedAt).TotalMilliseconds : 0,
            ["estimatedDuration"] = EstimatedDuration(build.Job),
            ["executor"] = null,
            ["fullDisplayName"] = build.Job.FullDisplayName + " #" + build.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["id"] = build.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["keepLog"] = false,
            ["number"] = build.Number,
            ["queueId"] = build.Item.Id,
            ["result"] = build.Result,
            ["timestamp"] = build.StartedAt.ToUnixTimeMilliseconds(),
            ["url"] = root + build.RelativeUrl,
        };
        if (pipeline)
        {
            json["changeSets"] = new JsonArray();
            json["culprits"] = new JsonArray();
            json["inProgress"] = build.Building;
            json["nextBuild"] = null;
            json["previousBuild"] = null;
        }
        else
        {
            json["builtOn"] = "";
            json["changeSet"] = new JsonObject { ["_class"] = "hudson.scm.EmptyChangeLogSet", ["items"] = new JsonArray(), ["kind"] = null };
            json["culprits"] = new JsonArray();
        }
        return json;
    }

    public static JsonObject ParametersAction(JenkinsItem job, IReadOnlyDictionary<string, string> values) => new()
    {
        ["_class"] = "hudson.model.ParametersAction",
        ["parameters"] = new JsonArray(job.Parameters.Where(p => values.ContainsKey(p.Name)).Select(p => (JsonNode)ParameterValue(p, values[p.Name])).ToArray()),
    };

    public static JsonObject CauseAction(IReadOnlyList<UserCause> causes) => new()
    {
        ["_class"] = "hudson.model.CauseAction",
        ["causes"] = new JsonArray(causes.Select(c => (JsonNode)new JsonObject
        {
            ["_class"] = "hudson.model.Cause$UserIdCause",
            ["shortDescription"] = "Started by user " + c.UserName,
            ["userId"] = c.UserId,
            ["userName"] = c.UserName,
        }).ToArray()),
    };

    public static JsonObject ParameterValue(StandInParameter definition, string value)
    {
        var json = new JsonObject { ["_class"] = definition.ValueClass, ["name"] = definition.Name };
        if (definition.Kind == ParameterKind.Boolean) json["value"] = string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);
        else if (definition.Kind != ParameterKind.Password) json["value"] = value;
        return json;
    }

    private static JsonArray Actions(BuildRecord build)
    {
        var actions = new JsonArray();
        if (build.Job.IsParameterized) actions.Add(ParametersAction(build.Job, build.Item.Parameters));
        actions.Add(CauseAction(build.Item.Causes));
        if (build.Behavior.GitRevision is { } sha) actions.Add(GitBuildData(sha, build.Number));
        actions.Add(new JsonObject());
        if (build.AbortedBy is not null && build.Result is not null)
        {
            actions.Add(new JsonObject { ["_class"] = "jenkins.model.InterruptedBuildAction" });
        }
        return actions;
    }

    private static JsonObject GitBuildData(string sha, int number)
    {
        const string Branch = "refs/remotes/origin/master";
        JsonObject Revision() => new()
        {
            ["SHA1"] = sha,
            ["branch"] = new JsonArray(new JsonObject { ["SHA1"] = sha, ["name"] = Branch }),
        };
        return new JsonObject
        {
            ["_class"] = "hudson.plugins.git.util.BuildData",
            ["buildsByBranchName"] = new JsonObject
            {
                [Branch] = new JsonObject
                {
                    ["_class"] = "hudson.plugins.git.util.Build",
                    ["buildNumber"] = number,
                    ["buildResult"] = null,
                    ["marked"] = Revision(),
                    ["revision"] = Revision(),
                },
            },
            ["lastBuiltRevision"] = Revision(),
            ["remoteUrls"] = new JsonArray("https://git.example.com/platform/process.git"),
            ["scmName"] = "",
        };
    }

    private static long EstimatedDuration(JenkinsItem job)
    {
        var recent = job.Builds.Where(b => b.FinishedAt is not null).TakeLast(3).ToList();
        return recent.Count == 0 ? -1 : (long)recent.Average(b => (b.FinishedAt!.Value - b.StartedAt).TotalMilliseconds);
    }

    private static string BuildClass(JenkinsItem job) => job.Kind == JobKind.Pipeline
        ? "org.jenkinsci.plugins.workflow.job.WorkflowRun"
        : "hudson.model.FreeStyleBuild";
}
