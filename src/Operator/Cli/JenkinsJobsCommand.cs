using System.CommandLine;
using System.Text.Json.Nodes;
using CiBridge.Jenkins;
using CiBridge.Jenkins.Models;
using Spectre.Console;

namespace CiBridge.Operator.Cli;

/// <summary><c>jenkins jobs [--job PATH]</c>: list jobs through folders, or show one job's parameters.</summary>
internal static class JenkinsJobsCommand
{
    public static Command Create(IJenkinsClientFactory factory)
    {
        var connection = new JenkinsConnectionOptions();
        var job = new Option<string?>("--job") { Description = "Show this job (folder/…/name) with its parameters instead of listing." };
        var command = new Command("jobs", "List the jobs the user can see (through folders), or show one job.") { job };
        connection.AddTo(command);
        command.SetAction((result, ct) => JenkinsCliRunner.RunAsync(result, connection, async (console, json) =>
        {
            using var client = factory.Create(connection.Settings(result));
            if (result.GetValue(job) is { } path) await ShowJobAsync(result, console, await client.GetJobAsync(path, ct), json);
            else await ListAsync(result, console, await client.DiscoverJobsAsync(ct), json);
            return 0;
        }));
        return command;
    }

    private static async Task ListAsync(ParseResult result, IAnsiConsole console, JobDiscoveryResult jobs, bool json)
    {
        if (json)
        {
            await JenkinsCliRunner.WriteJsonAsync(result, new JsonObject
            {
                ["truncated"] = jobs.Truncated,
                ["jobs"] = new JsonArray(jobs.Jobs.Select(j => (JsonNode)new JsonObject
                {
                    ["fullName"] = j.FullName,
                    ["class"] = j.Class,
                    ["color"] = j.Color,
                    ["url"] = JenkinsCliRunner.Url(j.Url),
                }).ToArray()),
            });
            return;
        }
        var table = new Table().AddColumns("Job", "Type", "Status");
        foreach (var j in jobs.Jobs) table.AddRow(Markup.Escape(j.FullName), Markup.Escape(j.Class.Split('.')[^1]), Markup.Escape(j.Color ?? "-"));
        console.Write(table);
        console.MarkupLine(jobs.Truncated ? $"{jobs.Jobs.Count} jobs [yellow](listing truncated by depth or count limit)[/]" : $"{jobs.Jobs.Count} jobs");
    }

    private static async Task ShowJobAsync(ParseResult result, IAnsiConsole console, JenkinsJob job, bool json)
    {
        if (json)
        {
            await JenkinsCliRunner.WriteJsonAsync(result, new JsonObject
            {
                ["fullName"] = job.FullName,
                ["class"] = job.Class,
                ["buildable"] = job.Buildable,
                ["nextBuildNumber"] = job.NextBuildNumber,
                ["parameters"] = new JsonArray(job.Parameters.Select(p => (JsonNode)new JsonObject
                {
                    ["name"] = p.Name,
                    ["type"] = p.Type,
                    ["default"] = p.DefaultValue,
                    ["choices"] = new JsonArray(p.Choices.Select(c => (JsonNode?)c).ToArray()),
                }).ToArray()),
            });
            return;
        }
        console.MarkupLine($"[bold]{Markup.Escape(job.FullName)}[/] ({Markup.Escape(job.Class.Split('.')[^1])}), next build #{job.NextBuildNumber}{(job.Buildable ? "" : ", [red]disabled[/]")}");
        var table = new Table().AddColumns("Parameter", "Type", "Default", "Choices");
        foreach (var p in job.Parameters)
        {
            table.AddRow(Markup.Escape(p.Name), Markup.Escape(p.Type), Markup.Escape(p.DefaultValue ?? ""), Markup.Escape(string.Join(", ", p.Choices)));
        }
        console.Write(table);
    }
}
