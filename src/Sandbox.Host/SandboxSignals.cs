using System.Runtime.InteropServices;

namespace CiBridge.Sandbox.Host;

/// <summary>
/// Ctrl-C (SIGINT) in a terminal and SIGTERM from a supervisor both stop the sandbox the same
/// way: the stop line is printed at once, then everything shuts down and the process exits 0.
/// </summary>
/// <remarks>
/// System.CommandLine's own handler is switched off (it gives up after two seconds and exits 130
/// or 143 while the operator is still stopping), so these registrations are the only ones.
/// </remarks>
internal sealed class SandboxSignals : IDisposable
{
    public const string StopLine = "Stopping the sandbox.";

    private readonly CancellationTokenSource _stop;
    private readonly PosixSignalRegistration[] _registrations;
    private int _stopping;

    public SandboxSignals(CancellationToken outer)
    {
        _stop = CancellationTokenSource.CreateLinkedTokenSource(outer);
        _registrations = [PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal), PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal)];
    }

    /// <summary>Cancelled by the first signal.</summary>
    public CancellationToken Token => _stop.Token;

    private void OnSignal(PosixSignalContext context)
    {
        // A second signal keeps its default effect: the impatient user's way out.
        if (Interlocked.Exchange(ref _stopping, 1) == 1) return;
        context.Cancel = true; // we exit on our own, after cleaning up
        Console.Out.WriteLine(StopLine);
        _stop.Cancel();
    }

    public void Dispose()
    {
        foreach (var registration in _registrations) registration.Dispose();
        _stop.Dispose();
    }
}
