using CiBridge.Kubernetes.Controllers;
using CiBridge.Kubernetes.Models;
using Microsoft.Extensions.Logging;

namespace CiBridge.Kubernetes.Cache;

/// <summary>
/// Remembers which undecodable objects were reported at which resourceVersion, so each is logged
/// (and handed to <see cref="InformerOptions.OnUndecodable"/>) once, not on every relist. Used only
/// from the reflector's single loop.
/// </summary>
internal sealed partial class UndecodableReports(Action<UndecodableObject>? onUndecodable, ILogger logger)
{
    private readonly Dictionary<ObjectKey, string?> _reported = [];

    public void Report(UndecodableObject bad)
    {
        var key = ObjectKey.Of(bad);
        if (_reported.TryGetValue(key, out var version) && version == bad.Metadata.ResourceVersion) return;
        _reported[key] = bad.Metadata.ResourceVersion;
        LogSkipped(logger, bad.Kind, key.ToString(), bad.Metadata.ResourceVersion, bad.Field, bad.Problem);
        try
        {
            onUndecodable?.Invoke(bad);
        }
        catch (Exception e)
        {
            LogCallbackFailed(logger, bad.Kind, e);
        }
    }

    public void Forget(ObjectKey key) => _reported.Remove(key);

    /// <summary>After a full list: reports what is listed, forgets what is gone.</summary>
    public void ReplaceWith(IReadOnlyList<UndecodableObject> listed)
    {
        var present = listed.Select(ObjectKey.Of).ToHashSet();
        foreach (var key in _reported.Keys.Where(k => !present.Contains(k)).ToList()) _reported.Remove(key);
        foreach (var bad in listed) Report(bad);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Kind} {Key} (resourceVersion {ResourceVersion}) cannot be read at field '{Field}' and is skipped until it changes: {Problem}")]
    private static partial void LogSkipped(ILogger logger, string kind, string key, string? resourceVersion, string field, string problem);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reporting an undecodable {Kind} failed")]
    private static partial void LogCallbackFailed(ILogger logger, string kind, Exception error);
}
