using System.CommandLine;
using System.Text.Json.Nodes;
using CiBridge.Jenkins;
using Spectre.Console;

namespace CiBridge.Operator.Cli;

/// <summary><c>jenkins verify</c>: the "Verify" button on the command line.</summary>
internal static class JenkinsVerifyCommand
{
    public static Command Create(IJenkinsClientFactory factory)
    {
        var connection = new JenkinsConnectionOptions();
        var command = new Command("verify", "Check that the endpoint is a reachable Jenkins and that the credentials work.");
        connection.AddTo(command);
        command.SetAction((result, ct) => JenkinsCliRunner.RunAsync(result, connection.Json(result), async console =>
        {
            using var client = factory.Create(connection.Settings(result));
            var outcome = await client.VerifyAsync(ct);
            if (connection.Json(result))
            {
                await JenkinsCliRunner.WriteJsonAsync(result, new JsonObject
                {
                    ["status"] = outcome.Status.ToString(),
                    ["message"] = outcome.Message,
                    ["version"] = outcome.Version,
                    ["user"] = outcome.User,
                    ["crumbsRequired"] = outcome.CrumbsRequired,
                });
            }
            else
            {
                var table = new Table().AddColumns("Check", "Result");
                table.AddRow("Status", outcome.Succeeded ? $"[green]{outcome.Status}[/]" : $"[red]{outcome.Status}[/]");
                table.AddRow("Message", Markup.Escape(outcome.Message));
                table.AddRow("Jenkins version", Markup.Escape(outcome.Version ?? "-"));
                table.AddRow("User", Markup.Escape(outcome.User ?? "-"));
                table.AddRow("CSRF crumbs", outcome.CrumbsRequired ? "required" : "not required");
                console.Write(table);
            }
            return outcome.Succeeded ? 0 : JenkinsCliRunner.Failed;
        }));
        return command;
    }
}
