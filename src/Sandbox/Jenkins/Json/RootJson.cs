using System.Text.Json.Nodes;
using CiBridge.Sandbox.Jenkins.Model;

namespace CiBridge.Sandbox.Jenkins.Json;

/// <summary>The JSON of <c>/api/json</c> (<c>hudson.model.Hudson</c>), <c>/whoAmI</c> and <c>/me</c>.</summary>
internal static class RootJson
{
    public static JsonObject Root(JsonContext context, JenkinsStandInOptions options) => new()
    {
        ["_class"] = "hudson.model.Hudson",
        ["assignedLabels"] = new JsonArray(new JsonObject { ["name"] = "built-in" }),
        ["mode"] = "NORMAL",
        ["nodeDescription"] = "the Jenkins controller's built-in node",
        ["nodeName"] = "",
        ["numExecutors"] = options.Executors,
        ["description"] = null,
        ["jobs"] = JobJson.Children(context.World.Root, context, 0),
        ["overallLoad"] = new JsonObject(),
        ["primaryView"] = JobJson.AllView(context.Root),
        ["quietDownReason"] = null,
        ["quietingDown"] = false,
        ["slaveAgentPort"] = -1,
        ["unlabeledLoad"] = new JsonObject { ["_class"] = "jenkins.model.UnlabeledLoadStatistics" },
        ["url"] = options.ConfiguredRootUrl?.ToString(),
        ["useCrumbs"] = options.CsrfProtection,
        ["useSecurity"] = options.UseSecurity,
        ["views"] = new JsonArray(JobJson.AllView(context.Root)),
    };

    /// <summary><c>/computer/api/json</c>: the built-in node only (its URL is <c>computer/(built-in)/</c>).</summary>
    public static JsonObject Computers(JenkinsWorld world)
    {
        var busy = world.AllBuilds.Count(b => b.Building && b.Job.Kind == JobKind.Freestyle);
        var executors = new JsonArray(Enumerable.Range(0, world.Options.Executors).Select(_ => (JsonNode)new JsonObject()).ToArray());
        return new JsonObject
        {
            ["_class"] = "hudson.model.ComputerSet",
            ["busyExecutors"] = busy,
            ["computer"] = new JsonArray(new JsonObject
            {
                ["_class"] = "hudson.model.Hudson$MasterComputer",
                ["actions"] = new JsonArray(),
                ["assignedLabels"] = new JsonArray(new JsonObject { ["name"] = "built-in" }),
                ["description"] = "the Jenkins controller's built-in node",
                ["displayName"] = "Built-In Node",
                ["executors"] = executors,
                ["icon"] = "symbol-computer",
                ["idle"] = busy == 0,
                ["jnlpAgent"] = false,
                ["launchSupported"] = true,
                ["manualLaunchAllowed"] = true,
                ["numExecutors"] = world.Options.Executors,
                ["offline"] = false,
                ["offlineCause"] = null,
                ["temporarilyOffline"] = false,
            }),
            ["displayName"] = "Nodes",
            ["totalExecutors"] = world.Options.Executors,
        };
    }

    public static JsonObject WhoAmI(StandInUser? user) => new()
    {
        ["_class"] = "hudson.security.WhoAmI",
        ["anonymous"] = user is null,
        ["authenticated"] = true,
        ["authorities"] = user is null ? new JsonArray("anonymous") : new JsonArray("authenticated"),
        ["name"] = user?.Id ?? "anonymous",
    };

    public static JsonObject Me(StandInUser user, string root) => new()
    {
        ["_class"] = "hudson.model.User",
        ["absoluteUrl"] = root + "user/" + Uri.EscapeDataString(user.Id.ToLowerInvariant()),
        ["description"] = null,
        ["fullName"] = user.FullName,
        ["id"] = user.Id,
        ["property"] = new JsonArray(),
    };
}
