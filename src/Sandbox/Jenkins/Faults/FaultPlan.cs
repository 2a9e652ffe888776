using System.Text.RegularExpressions;

namespace CiBridge.Sandbox.Jenkins.Faults;

/// <summary>
/// The active faults; <see cref="Next"/> consumes one hit of the first that matches and whose
/// probability draw succeeds. Draws come from one random source seeded at start, so the same seed
/// and the same order of requests give the same faults.
/// </summary>
internal sealed partial class FaultPlan(int seed)
{
    private readonly Lock _gate = new();
    private readonly List<(StandInFault Fault, int? Left)> _faults = [];
    private readonly SortedDictionary<string, long> _injected = new(StringComparer.Ordinal);
    private Random _random = new(seed);

    public int Seed { get; private set; } = seed;

    public void Add(StandInFault fault)
    {
        fault.Validate();
        lock (_gate) _faults.Add((fault, fault.Times));
    }

    public void Clear()
    {
        lock (_gate) _faults.Clear();
    }

    public void Reseed(int seed)
    {
        lock (_gate)
        {
            Seed = seed;
            _random = new Random(seed);
        }
    }

    public IReadOnlyDictionary<string, long> Injected
    {
        get
        {
            lock (_gate) return new SortedDictionary<string, long>(_injected, StringComparer.Ordinal);
        }
    }

    public StandInFault? Next(string path, string method)
    {
        lock (_gate)
        {
            for (var i = 0; i < _faults.Count; i++)
            {
                var (fault, left) = _faults[i];
                if (!Applies(fault, path, method) || _random.NextDouble() >= fault.Probability) continue;
                if (left is { } n)
                {
                    if (n <= 1) _faults.RemoveAt(i);
                    else _faults[i] = (fault, n - 1);
                }
                _injected[fault.Kind.ToString()] = _injected.GetValueOrDefault(fault.Kind.ToString()) + 1;
                return fault;
            }
            return null;
        }
    }

    /// <summary>The queue item id a <c>queue/item/N/api/json</c> path asks about.</summary>
    public static long? QueueItemId(string path) =>
        QueueItemPath().Match(path) is { Success: true } match ? long.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null;

    private static bool Applies(StandInFault fault, string path, string method)
    {
        if (fault.Kind == FaultKind.LoginRedirect && path.EndsWith("/login", StringComparison.Ordinal)) return false;
        if (fault.Kind == FaultKind.ForgetQueueItem && QueueItemId(path) is null) return false;
        if (fault.PathContains is { } part && !path.Contains(part, StringComparison.OrdinalIgnoreCase)) return false;
        return fault.Method is not { } m || string.Equals(m, method, StringComparison.OrdinalIgnoreCase);
    }

    [GeneratedRegex(@"/queue/item/(\d{1,18})/api/json$")]
    private static partial Regex QueueItemPath();
}
