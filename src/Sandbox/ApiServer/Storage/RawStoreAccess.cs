using System.Text.Json.Nodes;

namespace CiBridge.Sandbox.ApiServer.Storage;

/// <summary>
/// For tests only: writes an object straight into storage, past validation, defaulting and number
/// normalisation, the way a stored object that an older server or a bug let through would look.
/// Watchers see the write as usual.
/// </summary>
public sealed class RawStoreAccess
{
    private readonly ObjectStore _store;

    internal RawStoreAccess(ObjectStore store) => _store = store;

    /// <summary>Creates or replaces <paramref name="obj"/> (its metadata names it) under group/plural; returns the new resourceVersion.</summary>
    public string Put(string group, string plural, JsonObject obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var storageKey = $"{group}/{plural}";
        var ns = obj["metadata"]?["namespace"]?.GetValue<string>();
        var name = obj["metadata"]?["name"]?.GetValue<string>() ?? throw new ArgumentException("metadata.name is required", nameof(obj));
        var existing = _store.Get(storageKey, ns, name);
        long? expected = existing is null ? null : ObjectStore.ResourceVersionOf(existing);
        var outcome = _store.Commit(storageKey, ns, name, expected, obj);
        if (outcome != CommitOutcome.Committed) throw new InvalidOperationException($"raw put of {ns}/{name} failed: {outcome}");
        return obj["metadata"]!["resourceVersion"]!.GetValue<string>();
    }
}
