namespace CiBridge.Jenkins.Models;

/// <summary>
/// What a trigger whose answer was lost left behind in Jenkins, to recognise it without a run id:
/// the job, the endpoint's user, the parameter values Jenkins recorded (what was sent, the job's
/// defaults for the rest), and the earliest time it can have been queued.
/// </summary>
/// <param name="JobPath">Folder path and job name, '/'-separated.</param>
/// <param name="Parameters">Expected values; null where the value cannot be known (no exported default).</param>
/// <param name="NotBefore">Items and builds from before this time (Jenkins' clock) are not it.</param>
public sealed record TriggerFingerprint(string JobPath, IReadOnlyDictionary<string, string?> Parameters, DateTimeOffset NotBefore)
{
    /// <summary>The values Jenkins records for a trigger of <paramref name="job"/> that sent <paramref name="sent"/>:
    /// a missing parameter gets its default, a boolean is true only for "true" (any case).</summary>
    public static TriggerFingerprint Of(JenkinsJob job, IReadOnlyDictionary<string, string> sent, DateTimeOffset notBefore)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(sent);
        var expected = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var definition in job.Parameters)
        {
            var value = sent.TryGetValue(definition.Name, out var given) ? given : definition.DefaultValue;
            var isBoolean = definition.Type.Contains("Boolean", StringComparison.Ordinal);
            expected[definition.Name] = isBoolean && value is not null ? (string.Equals(value, "true", StringComparison.OrdinalIgnoreCase) ? "true" : "false") : value;
        }
        return new TriggerFingerprint(job.FullName, expected, notBefore);
    }

    /// <summary>
    /// True when <paramref name="run"/> can be that trigger: a <c>UserIdCause</c> of
    /// <paramref name="userId"/> (ids are case-insensitive in Jenkins), every expected value equal
    /// where both sides are known, and queued at or after <see cref="NotBefore"/>.
    /// </summary>
    public bool Matches(TriggeredRun run, string userId)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (run.Since < NotBefore) return false;
        if (!run.UserIds.Contains(userId, StringComparer.OrdinalIgnoreCase)) return false;
        foreach (var (name, expected) in Parameters)
        {
            if (!run.Parameters.TryGetValue(name, out var actual)) return false;
            if (expected is not null && actual is not null && !string.Equals(expected, actual, StringComparison.Ordinal)) return false;
        }
        return true;
    }
}
