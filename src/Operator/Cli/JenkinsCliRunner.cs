using System.CommandLine;
using System.Text.Json.Nodes;
using CiBridge.Jenkins.Errors;
using Spectre.Console;

namespace CiBridge.Operator.Cli;

/// <summary>Runs a verb: creates the console for the invocation's output, turns errors into one
/// line and an exit code (0 success, 1 Jenkins said no or failed, 2 usage error).</summary>
internal static class JenkinsCliRunner
{
    public const int Failed = 1;
    public const int UsageError = 2;

    public static async Task<int> RunAsync(ParseResult result, JenkinsConnectionOptions connection, Func<IAnsiConsole, bool, Task<int>> verb)
    {
        var output = result.InvocationConfiguration.Output;
        var console = CreateConsole(output);
        var json = false;
        try
        {
            json = connection.Json(result);
            return await verb(console, json);
        }
        catch (CliUsageException e)
        {
            await result.InvocationConfiguration.Error.WriteLineAsync("error: " + e.Message);
            return UsageError;
        }
        catch (JenkinsException e)
        {
            if (json) await output.WriteLineAsync(new JsonObject { ["error"] = e.Kind.ToString(), ["message"] = e.Message }.ToJsonString());
            else await result.InvocationConfiguration.Error.WriteLineAsync($"error ({e.Kind}): {e.Message}");
            return Failed;
        }
    }

    public static IAnsiConsole CreateConsole(TextWriter output)
    {
        var terminal = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!terminal) console.Profile.Width = 200;
        return console;
    }

    public static Task WriteJsonAsync(ParseResult result, JsonNode json) =>
        result.InvocationConfiguration.Output.WriteLineAsync(json.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));

    /// <summary>A URL as Jenkins sent it, percent-escapes kept (<see cref="Uri.ToString"/> would unescape them).</summary>
    public static string? Url(Uri? url) => url?.AbsoluteUri;
}
