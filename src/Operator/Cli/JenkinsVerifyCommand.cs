using System.CommandLine;
using System.Text.Json.Nodes;
using CiBridge.Jenkins;
using CiBridge.Jenkins.Models;
using Spectre.Console;

namespace CiBridge.Operator.Cli;

/// <summary><c>jenkins verify</c>: the "Verify" button on the command line.</summary>
/// <remarks>
/// Shows only what the verification found out: a failed verification stops before the CSRF check
/// (and often before Jenkins names its version or the user), so those rows are left out rather
/// than shown with a guess.
/// </remarks>
internal static class JenkinsVerifyCommand
{
    public static Command Create(IJenkinsClientFactory factory)
    {
        var connection = new JenkinsConnectionOptions();
        var command = new Command("verify", "Check that the endpoint is a reachable Jenkins and that the credentials work.");
        connection.AddTo(command);
        command.SetAction((result, ct) => JenkinsCliRunner.RunAsync(result, connection, async (console, json) =>
        {
            using var client = factory.Create(connection.Settings(result));
            var outcome = await client.VerifyAsync(ct);
            if (json) await JenkinsCliRunner.WriteJsonAsync(result, Json(outcome));
            else console.Write(Table(outcome));
            return outcome.Succeeded ? 0 : JenkinsCliRunner.Failed;
        }));
        return command;
    }

    private static JsonObject Json(VerifyOutcome outcome)
    {
        var json = new JsonObject { ["status"] = outcome.Status.ToString(), ["message"] = outcome.Message };
        if (outcome.Version is not null) json["version"] = outcome.Version;
        if (outcome.User is not null) json["user"] = outcome.User;
        if (outcome.Succeeded) json["crumbsRequired"] = outcome.CrumbsRequired;
        return json;
    }

    private static Table Table(VerifyOutcome outcome)
    {
        var table = new Table().AddColumns("Check", "Result");
        table.AddRow("Status", outcome.Succeeded ? $"[green]{outcome.Status}[/]" : $"[red]{outcome.Status}[/]");
        table.AddRow("Message", Markup.Escape(outcome.Message));
        if (outcome.Version is not null) table.AddRow("Jenkins version", Markup.Escape(outcome.Version));
        if (outcome.User is not null) table.AddRow("User", Markup.Escape(outcome.User));
        if (outcome.Succeeded) table.AddRow("CSRF crumbs", outcome.CrumbsRequired ? "required" : "not required");
        return table;
    }
}
