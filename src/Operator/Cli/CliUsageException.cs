namespace CiBridge.Operator.Cli;

/// <summary>A user mistake on the command line: printed as one line, exit code 2, no stack trace.</summary>
internal sealed class CliUsageException(string message) : Exception(message);
