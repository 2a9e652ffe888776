using System.Globalization;

namespace CiBridge.Operator.Benchmarks;

/// <summary>The harness's flags; <c>--short</c> picks sizes that finish well within a minute (CI).</summary>
internal sealed record BenchSettings
{
    public int Samples { get; init; } = 50;

    public int Burst { get; init; } = 100;

    /// <summary>The operator's --kube-api-qps; null leaves its default (20).</summary>
    public double? Qps { get; init; }

    public int JenkinsLatencyMs { get; init; } = 45;

    public double BuildSeconds { get; init; } = 2;

    public double IdleSeconds { get; init; } = 20;

    public bool Short { get; init; }

    /// <summary>CiTasks (finished runs) that exist before the operator starts; see <see cref="Preload"/>.</summary>
    public int PreloadTasks { get; init; }

    /// <summary>JenkinsEndpoints (each with its own Secret) that exist before the operator starts.</summary>
    public int PreloadEndpoints { get; init; }

    /// <summary>Helm release Secrets (type <c>helm.sh/release.v1</c>, 100 KiB each) that exist before the operator starts.</summary>
    public int PreloadHelmSecrets { get; init; }

    /// <summary>CiTasks run to their end before anything is measured (see <c>BenchRun.WarmUpAsync</c>); 0 measures a fresh process.</summary>
    public int WarmUp { get; init; }

    /// <summary>The directory <c>ci-bridge.dll</c> runs from (e.g. a ReadyToRun publish); null runs the build output.</summary>
    public string? OperatorDirectory { get; init; }

    /// <summary>Environment variables set for the operator process only (e.g. runtime settings to compare).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> OperatorEnvironment { get; init; } = [];

    /// <summary>Where to write the figures (the marked section of docs/performance.md); null writes nothing.</summary>
    public string? DocPath { get; init; }

    public const string Usage = """
        usage: dotnet run -c Release --project bench/Operator.Benchmarks -- [flags]
          --short                 small sizes for CI (8 samples, burst 10, 1 s builds, 3 s idle window, preload 50 + 5, warm-up 5)
          --samples N             reaction samples, each with a bare-client floor sample (default 50)
          --burst N               CiTasks created at once (default 100)
          --qps Q                 the operator's --kube-api-qps (default: the operator's own, 20)
          --jenkins-latency-ms N  delay of every Jenkins request (default 45)
          --build-seconds S       how long each build runs (default 2)
          --idle-seconds S        idle window after all runs finished (default 20)
          --preload-tasks N       finished CiTasks created before the operator starts (default 0)
          --preload-endpoints M   JenkinsEndpoints, each with a Secret, created before it starts (default 1 with tasks)
          --preload-helm-secrets K  Helm release Secrets of 100 KiB created before it starts (default 0)
          --warm-up N             run N CiTasks to their end before measuring (default 0: a fresh process)
          --operator-dir DIR      run ci-bridge.dll from DIR (a `dotnet publish` output) instead of the build output
          --operator-env K=V      set an environment variable for the operator process only (repeatable)
          --write-doc PATH        rewrite the figures section of PATH (e.g. docs/performance.md)
        """;

    /// <summary>Reads the flags; throws <see cref="ArgumentException"/> naming a flag it cannot read.</summary>
    public static BenchSettings Parse(string[] args)
    {
        var settings = args.Contains("--short") ? new BenchSettings { Samples = 8, Burst = 10, BuildSeconds = 1, IdleSeconds = 3, Short = true, PreloadTasks = 50, PreloadEndpoints = 5, WarmUp = 5 } : new BenchSettings();
        for (var i = 0; i < args.Length; i++)
        {
            settings = args[i] switch
            {
                "--short" => settings,
                "--samples" => settings with { Samples = Positive(args, ++i) },
                "--burst" => settings with { Burst = Positive(args, ++i) },
                "--qps" => settings with { Qps = Number(args, ++i) },
                "--jenkins-latency-ms" => settings with { JenkinsLatencyMs = (int)Number(args, ++i, allowZero: true) },
                "--build-seconds" => settings with { BuildSeconds = Number(args, ++i) },
                "--idle-seconds" => settings with { IdleSeconds = Number(args, ++i) },
                "--preload-tasks" => settings with { PreloadTasks = (int)Number(args, ++i, allowZero: true) },
                "--preload-endpoints" => settings with { PreloadEndpoints = (int)Number(args, ++i, allowZero: true) },
                "--preload-helm-secrets" => settings with { PreloadHelmSecrets = (int)Number(args, ++i, allowZero: true) },
                "--warm-up" => settings with { WarmUp = (int)Number(args, ++i, allowZero: true) },
                "--operator-dir" => settings with { OperatorDirectory = Value(args, ++i) },
                "--operator-env" => settings with { OperatorEnvironment = [.. settings.OperatorEnvironment, Variable(args, ++i)] },
                "--write-doc" => settings with { DocPath = Value(args, ++i) },
                var other => throw new ArgumentException($"unknown flag '{other}'"),
            };
        }
        return settings.PreloadTasks + settings.PreloadHelmSecrets > 0 && settings.PreloadEndpoints == 0 ? settings with { PreloadEndpoints = 1 } : settings;
    }

    private static string Value(string[] args, int i) =>
        i < args.Length ? args[i] : throw new ArgumentException($"{args[i - 1]} needs a value");

    private static KeyValuePair<string, string> Variable(string[] args, int i)
    {
        var text = Value(args, i);
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        return equals > 0 ? new(text[..equals], text[(equals + 1)..]) : throw new ArgumentException($"{args[i - 1]} must be NAME=VALUE, not '{text}'");
    }

    private static int Positive(string[] args, int i) => (int)Number(args, i);

    private static double Number(string[] args, int i, bool allowZero = false)
    {
        var text = Value(args, i);
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < 0 || (value == 0 && !allowZero))
        {
            throw new ArgumentException($"{args[i - 1]} must be a {(allowZero ? "non-negative" : "positive")} number, not '{text}'");
        }
        return value;
    }
}
