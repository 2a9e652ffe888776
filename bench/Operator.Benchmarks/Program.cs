using CiBridge.Operator.Benchmarks;

// The operator measured as its users feel it: see docs/performance.md. `--short` is the CI mode.
BenchSettings settings;
try
{
    settings = BenchSettings.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"error: {e.Message}\n{BenchSettings.Usage}");
    return 2;
}

var figures = await BenchRun.RunAsync(settings);
var table = Report.Table(figures);
Console.WriteLine(table);
if (settings.DocPath is { } path)
{
    Report.WriteInto(path, table);
    Console.WriteLine($"figures written into {path}");
}
return 0;
