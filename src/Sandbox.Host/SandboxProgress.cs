using CiBridge.Entities.CiTasks;
using CiBridge.Entities.JenkinsEndpoints;
using CiBridge.Kubernetes.Client;
using CiBridge.Kubernetes.Models;
using Spectre.Console;

namespace CiBridge.Sandbox.Host;

/// <summary>
/// Shows the sandbox's endpoints and tasks as they progress: a live table on a terminal, one line
/// per change when the output is redirected (CI logs, tests).
/// </summary>
internal sealed class SandboxProgress(IKubernetesClient client, string ns, TimeProvider time)
{
    private static readonly TimeSpan s_refresh = TimeSpan.FromSeconds(1);
    private readonly HashSet<string> _printed = [];

    public async Task RunAsync(CancellationToken ct)
    {
        if (Console.IsOutputRedirected)
        {
            while (!ct.IsCancellationRequested)
            {
                foreach (var line in await LinesAsync(ct)) if (_printed.Add(line)) Console.Out.WriteLine(line);
                await Task.Delay(s_refresh, time, ct);
            }
            return;
        }
        await AnsiConsole.Live(new Table()).StartAsync(async live =>
        {
            while (!ct.IsCancellationRequested)
            {
                live.UpdateTarget(await TableAsync(ct));
                await Task.Delay(s_refresh, time, ct);
            }
        });
    }

    private async Task<IReadOnlyList<string>> LinesAsync(CancellationToken ct)
    {
        var (endpoints, tasks) = await ReadAsync(ct);
        return
        [
            .. endpoints.Select(e => $"jenkinsendpoint/{e.Metadata.Name}: Ready={Ready(e.Status?.Conditions)?.Status ?? "-"} {Ready(e.Status?.Conditions)?.Reason}"),
            .. tasks.Select(t => $"citask/{t.Metadata.Name}: {t.Status?.Phase ?? "Pending"} build={t.Status?.CurrentRun?.BuildNumber?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"} {Succeeded(t)?.Reason}"),
        ];
    }

    private async Task<Table> TableAsync(CancellationToken ct)
    {
        var (endpoints, tasks) = await ReadAsync(ct);
        var table = new Table().AddColumns("Kind", "Name", "State", "Reason", "Build", "Details");
        foreach (var e in endpoints)
        {
            var ready = Ready(e.Status?.Conditions);
            table.AddRow("JenkinsEndpoint", e.Metadata.Name!, ready?.Status ?? "-", ready?.Reason ?? "", "", Markup.Escape($"{e.Spec.Url} Jenkins {e.Status?.JenkinsVersion}, {e.Status?.JobCount ?? 0} jobs"));
        }
        foreach (var t in tasks)
        {
            var run = t.Status?.CurrentRun;
            table.AddRow("CiTask", t.Metadata.Name!, t.Status?.Phase ?? "Pending", Succeeded(t)?.Reason ?? "", run?.BuildNumber?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "", Markup.Escape($"{t.Spec.Job} {run?.Result}"));
        }
        return table;
    }

    private async Task<(IReadOnlyList<JenkinsEndpoint>, IReadOnlyList<CiTask>)> ReadAsync(CancellationToken ct)
    {
        var options = new ListOptions { Namespace = ns };
        return ((await client.ListAsync<JenkinsEndpoint>(options, ct)).Items, (await client.ListAsync<CiTask>(options, ct)).Items);
    }

    private static Condition? Ready(IEnumerable<Condition>? conditions) => Conditions.Find(conditions, "Ready");

    private static Condition? Succeeded(CiTask task) => Conditions.Find(task.Status?.Conditions, "Succeeded");
}
