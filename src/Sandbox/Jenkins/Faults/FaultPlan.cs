namespace CiBridge.Sandbox.Jenkins.Faults;

/// <summary>The active faults; <see cref="Next"/> consumes one hit of the first that matches.</summary>
internal sealed class FaultPlan
{
    private readonly Lock _gate = new();
    private readonly List<(StandInFault Fault, int? Left)> _faults = [];

    public void Add(StandInFault fault)
    {
        lock (_gate) _faults.Add((fault, fault.Times));
    }

    public void Clear()
    {
        lock (_gate) _faults.Clear();
    }

    public StandInFault? Next(string path, string method)
    {
        lock (_gate)
        {
            for (var i = 0; i < _faults.Count; i++)
            {
                var (fault, left) = _faults[i];
                if (fault.Kind == FaultKind.LoginRedirect && path.EndsWith("/login", StringComparison.Ordinal)) continue;
                if (fault.PathContains is { } part && !path.Contains(part, StringComparison.OrdinalIgnoreCase)) continue;
                if (fault.Method is { } m && !string.Equals(m, method, StringComparison.OrdinalIgnoreCase)) continue;
                if (left is { } n)
                {
                    if (n <= 1) _faults.RemoveAt(i);
                    else _faults[i] = (fault, n - 1);
                }
                return fault;
            }
            return null;
        }
    }
}
