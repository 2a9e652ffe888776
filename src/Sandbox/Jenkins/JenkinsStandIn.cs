using System.Net;
using CiBridge.Sandbox.Jenkins.Faults;
using CiBridge.Sandbox.Jenkins.Http;
using CiBridge.Sandbox.Jenkins.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CiBridge.Sandbox.Jenkins;

/// <summary>
/// A Jenkins-compatible HTTP server on 127.0.0.1 for tests and the sandbox: folders, parameterized
/// jobs, users with passwords and API tokens, crumbs, the queue and builds on an injected clock,
/// and fault injection. The C# methods here and <c>/__standin/</c> are the control API.
/// </summary>
public sealed class JenkinsStandIn : IAsyncDisposable
{
    private readonly JenkinsWorld _world;
    private readonly SecurityGate _security;
    private readonly FaultPlan _faults;
    private WebApplication? _app;

    private JenkinsStandIn(JenkinsStandInOptions options)
    {
        _world = new JenkinsWorld(options);
        _security = new SecurityGate(_world);
        _faults = new FaultPlan(options.FaultSeed);
        foreach (var fault in options.Faults) _faults.Add(fault);
    }

    /// <summary>The Jenkins base URL, path prefix included, ending in '/'.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The options it runs with.</summary>
    public JenkinsStandInOptions Options => _world.Options;

    /// <summary>Starts a stand-in on a loopback port.</summary>
    public static async Task<JenkinsStandIn> StartAsync(JenkinsStandInOptions options, CancellationToken ct)
    {
        var standIn = new JenkinsStandIn(options);
        await standIn.StartServerAsync(ct);
        return standIn;
    }

    /// <summary>Adds a user; a password enables password logins, a token API-token logins.
    /// <paramref name="canRead"/> false leaves the user without Overall/Read (403 nearly everywhere).</summary>
    public void AddUser(string id, string? password = null, string? apiToken = null, string? fullName = null, bool canBuild = true, bool canRead = true)
    {
        lock (_world.Gate)
        {
            var user = new StandInUser(id, fullName ?? id, password) { CanBuild = canBuild, CanRead = canRead };
            if (apiToken is not null) user.Tokens.Add(apiToken);
            _world.Users[id] = user;
        }
    }

    /// <summary>Revokes an API token: requests using it get 401 from now on.</summary>
    public void RevokeApiToken(string userId, string apiToken)
    {
        lock (_world.Gate)
        {
            if (_world.Users.TryGetValue(userId, out var user)) user.Tokens.Remove(apiToken);
        }
    }

    /// <summary>Adds a folder (and its parents), e.g. <c>platform/process</c>.</summary>
    public void AddFolder(string path)
    {
        lock (_world.Gate) _world.Ensure(path, folder: true);
    }

    /// <summary>Adds a job (creating parent folders), e.g. <c>platform/process/build-war</c>.</summary>
    public void AddJob(string path, IEnumerable<StandInParameter>? parameters = null, JobBehavior? behavior = null, JobKind kind = JobKind.Freestyle)
    {
        lock (_world.Gate)
        {
            var job = _world.Ensure(path, folder: false);
            job.Kind = kind;
            job.Parameters.Clear();
            job.Parameters.AddRange(parameters ?? []);
            job.Behavior = behavior ?? JobBehavior.Default;
        }
    }

    /// <summary>Sets how the next builds of a job behave; false if there is no such job.</summary>
    public bool SetBehavior(string path, JobBehavior behavior) => WithJob(path, job => job.Behavior = behavior);

    /// <summary>Disables or enables a job (disabled jobs answer 409 to triggers).</summary>
    public bool SetDisabled(string path, bool disabled) => WithJob(path, job => job.Disabled = disabled);

    /// <summary>Every build started so far, oldest first, with its parameters.</summary>
    public IReadOnlyList<ReceivedBuild> ReceivedBuilds()
    {
        lock (_world.Gate)
        {
            _world.Tick();
            return _world.AllBuilds.Select(b => new ReceivedBuild(
                b.Job.FullName, b.Number, b.Item.Id, b.Item.Parameters, b.Result, [.. b.Item.Causes.Select(c => c.UserId ?? c.UserName)])).ToList();
        }
    }

    /// <summary>Number of items waiting, blocked or buildable in the queue.</summary>
    public int QueueLength
    {
        get
        {
            lock (_world.Gate)
            {
                _world.Tick();
                return _world.Queued.Count();
            }
        }
    }

    /// <summary>Applies a fault to matching requests until it is used up or cleared; throws <see cref="ArgumentException"/> for an invalid one.</summary>
    public void InjectFault(StandInFault fault) => _faults.Add(fault);

    /// <summary>Removes every fault (the counts stay).</summary>
    public void ClearFaults() => _faults.Clear();

    /// <summary>Restarts the random source behind fault probabilities.</summary>
    public void ReseedFaults(int seed) => _faults.Reseed(seed);

    /// <summary>Faults dealt since start, by kind.</summary>
    public IReadOnlyDictionary<string, long> InjectedFaults => _faults.Injected;

    /// <summary>Forgets every item that has left the queue, as a restart of Jenkins does; returns how many.</summary>
    public int ForgetLeftQueueItems()
    {
        lock (_world.Gate) return _world.ForgetLeftItems(null);
    }

    /// <summary>Forgets all web sessions, as a restart does: crumbs issued before are rejected.</summary>
    public void DropSessions()
    {
        lock (_world.Gate) _security.DropSessions();
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (_app is null) return;
        // Requests held by a Hang or Latency fault must not delay shutdown by Kestrel's 30 s default.
        using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(2), TimeProvider.System);
        await _app.StopAsync(stopping.Token);
        await _app.DisposeAsync();
        _app = null;
    }

    private bool WithJob(string path, Action<JenkinsItem> change)
    {
        lock (_world.Gate)
        {
            var job = _world.Find(path.Split('/', StringSplitOptions.RemoveEmptyEntries));
            if (job is null || job.IsFolder) return false;
            change(job);
            return true;
        }
    }

    private async Task StartServerAsync(CancellationToken ct)
    {
        // The empty builder reads no configuration files (no file watchers per stand-in) and logs nothing.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Services.AddSingleton<IHostLifetime, EmbeddedHostLifetime>();
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, Options.Port, listen =>
        {
            if (Options.Certificate is { } certificate) listen.UseHttps(certificate);
        }));
        var app = builder.Build();
        var handler = new StandInRequestHandler(_world, _security, _faults, new ControlRoutes(this));
        app.Run(handler.HandleAsync);
        await app.StartAsync(ct);
        _app = app;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var prefix = Options.PathPrefix.Trim('/');
        BaseAddress = new Uri(address.TrimEnd('/') + "/" + (prefix.Length > 0 ? prefix + "/" : ""));
    }
}
