using CiBridge.Sandbox.Benchmarks;

// Load harness for the sandbox API server: N objects written by parallel clients while M watchers
// follow, then lists and gets over the full set. Usage: [objects] [watchers] [writers]
var objects = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 10_000;
var watchers = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100;
var writers = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 16;
await LoadHarness.RunAsync(objects, watchers, writers);
