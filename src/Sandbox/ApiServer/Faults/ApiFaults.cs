namespace CiBridge.Sandbox.ApiServer.Faults;

/// <summary>
/// The fault rules of a running sandbox API server, changeable at run time (also over HTTP at
/// <c>/sandbox/faults</c>). Every draw comes from one random source seeded by <see cref="Seed"/>, so
/// the same seed and the same sequence of requests give the same faults.
/// </summary>
public sealed class ApiFaults
{
    private readonly Lock _gate = new();
    private readonly List<(ApiFault Fault, int? Left)> _rules = [];
    private readonly SortedDictionary<string, long> _injected = new(StringComparer.Ordinal);
    private Random _random;

    /// <summary>Starts with the given rules and seed.</summary>
    public ApiFaults(int seed = 0, IEnumerable<ApiFault>? rules = null)
    {
        Seed = seed;
        _random = new Random(seed);
        foreach (var rule in rules ?? []) Add(rule);
    }

    /// <summary>The seed of the random source (rules with a probability below 1, watch close times).</summary>
    public int Seed { get; private set; }

    /// <summary>Adds a rule; throws <see cref="ArgumentException"/> for an invalid one.</summary>
    public void Add(ApiFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        fault.Validate();
        lock (_gate) _rules.Add((fault, fault.Times));
    }

    /// <summary>Removes every rule (the counts of injected faults stay).</summary>
    public void Clear()
    {
        lock (_gate) _rules.Clear();
    }

    /// <summary>Restarts the random source.</summary>
    public void Reseed(int seed)
    {
        lock (_gate)
        {
            Seed = seed;
            _random = new Random(seed);
        }
    }

    /// <summary>The rules in force, in the order they are tried.</summary>
    public IReadOnlyList<ApiFault> Rules
    {
        get
        {
            lock (_gate) return _rules.Select(r => r.Fault).ToList();
        }
    }

    /// <summary>Faults injected since start by label (<c>Error429</c>, <c>Latency</c>, <c>CloseWatch</c>, …).</summary>
    public IReadOnlyDictionary<string, long> Injected
    {
        get
        {
            lock (_gate) return new SortedDictionary<string, long>(_injected, StringComparer.Ordinal);
        }
    }

    /// <summary>Rolls every applicable rule: latencies add up, the first other fault that hits wins.</summary>
    internal FaultDecision Decide(FaultTarget target)
    {
        lock (_gate)
        {
            var decision = FaultDecision.None;
            for (var i = 0; i < _rules.Count; i++)
            {
                var fault = _rules[i].Fault;
                if (!Applies(fault, target) || (decision.Terminal is not null && fault.Kind != ApiFaultKind.Latency)) continue;
                if (_random.NextDouble() >= fault.Probability) continue;
                decision = fault.Kind switch
                {
                    ApiFaultKind.Latency => decision with { Latency = decision.Latency + fault.Delay },
                    ApiFaultKind.CloseWatch => decision with { Terminal = fault, CloseAfter = fault.Delay * _random.NextDouble() },
                    _ => decision with { Terminal = fault },
                };
                Count(fault);
                i -= UseOnce(i);
            }
            return decision;
        }
    }

    private static bool Applies(ApiFault fault, FaultTarget target) => fault.Matches(target.Verb, target.Resource) && fault.Kind switch
    {
        ApiFaultKind.CloseWatch => target.Verb == "watch",
        ApiFaultKind.ExpireWatch => target.ResumesWatch,
        _ => true,
    };

    /// <summary>Counts one use; returns 1 when the rule is used up and removed.</summary>
    private int UseOnce(int index)
    {
        var (fault, left) = _rules[index];
        if (left is not { } n) return 0;
        if (n > 1)
        {
            _rules[index] = (fault, n - 1);
            return 0;
        }
        _rules.RemoveAt(index);
        return 1;
    }

    private void Count(ApiFault fault)
    {
        var label = fault.Kind == ApiFaultKind.Error ? $"Error{fault.Status}" : fault.Kind.ToString();
        _injected[label] = _injected.GetValueOrDefault(label) + 1;
    }
}
