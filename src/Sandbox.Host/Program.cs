using System.CommandLine;
using CiBridge.Sandbox.Host;

// SandboxSignals handles Ctrl-C and SIGTERM; System.CommandLine's handler would exit 130/143 early.
return await SandboxCommand.Create().Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });
