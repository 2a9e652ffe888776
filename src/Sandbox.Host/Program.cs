using CiBridge.Sandbox.Host;

return await SandboxCommand.Create().Parse(args).InvokeAsync();
