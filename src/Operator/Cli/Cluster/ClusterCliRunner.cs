using System.CommandLine;
using CiBridge.Jenkins.Errors;
using CiBridge.Kubernetes.Client;
using CiBridge.Kubernetes.Configuration;

namespace CiBridge.Operator.Cli.Cluster;

/// <summary>
/// Runs a cluster verb and turns every failure a user can meet into one line on stderr and a
/// documented exit code (docs/operator.md, "Command line"); no stack trace reaches the terminal.
/// </summary>
internal static class ClusterCliRunner
{
    public const int Success = 0;

    /// <summary>The endpoint is not Ready, the run did not succeed, or Jenkins or the API server failed.</summary>
    public const int Failed = 1;

    /// <summary>A usage mistake, a broken kubeconfig, a missing object, or RBAC that does not allow the read.</summary>
    public const int UsageError = 2;

    /// <summary>The outcome did not arrive within <c>--timeout</c>.</summary>
    public const int TimedOut = 3;

    public static async Task<int> RunAsync(ParseResult result, Func<TextWriter, CancellationToken, Task<int>> verb, CancellationToken ct)
    {
        var error = result.InvocationConfiguration.Error;
        try
        {
            return await verb(result.InvocationConfiguration.Output, ct);
        }
        catch (CliTimeoutException e)
        {
            await error.WriteLineAsync("error: timed out: " + e.Message);
            return TimedOut;
        }
        catch (Exception e) when (e is CliUsageException or KubeConfigException)
        {
            await error.WriteLineAsync("error: " + e.Message);
            return UsageError;
        }
        catch (ApiException e) when (e.StatusCode is 401 or 403)
        {
            await error.WriteLineAsync($"error: your kubeconfig's credentials do not allow this: {e.Status?.Message ?? e.Message}");
            return UsageError;
        }
        catch (ApiException e)
        {
            await error.WriteLineAsync("error: " + e.Message);
            return Failed;
        }
        catch (HttpRequestException e)
        {
            await error.WriteLineAsync("error: cannot reach the Kubernetes API server: " + e.Message);
            return Failed;
        }
        catch (JenkinsException e)
        {
            await error.WriteLineAsync($"error: Jenkins ({e.Kind}): {e.Message}");
            return Failed;
        }
    }
}

/// <summary>What a verb waited for did not happen in time; the message says what it saw last.</summary>
internal sealed class CliTimeoutException(string message) : Exception(message);
