namespace CiBridge.Sandbox.ApiServer;

/// <summary>Options of <see cref="SandboxApiServer"/>.</summary>
public sealed class SandboxApiServerOptions
{
    /// <summary>TCP port on 127.0.0.1. <value>Default 0: any free port.</value></summary>
    public int Port { get; set; }

    /// <summary>The bearer token clients must send. <value>Default null: a random token.</value></summary>
    public string? Token { get; set; }

    /// <summary>How many recent changes a watch can resume from before it gets 410 Expired. <value>Default 10,000.</value></summary>
    public int WatchHistorySize { get; set; } = 10_000;

    /// <summary>The clock for timestamps, ages, bookmarks and timeouts. <value>Default the system clock.</value></summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Injected faults, changeable while the server runs (<see cref="SandboxApiServer.Faults"/>,
    /// <c>/sandbox/faults</c>). <value>Default: no rules, seed 0.</value></summary>
    public Faults.ApiFaults Faults { get; set; } = new();
}
