using CiBridge.Operator.Cli;

return await RootCommandFactory.Create().Parse(args).InvokeAsync();
