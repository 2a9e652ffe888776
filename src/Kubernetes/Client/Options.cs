using CiBridge.Kubernetes.Models;

namespace CiBridge.Kubernetes.Client;

/// <summary>Narrows a list or watch.</summary>
public sealed record ListOptions
{
    /// <summary>Null lists across all namespaces.</summary>
    public string? Namespace { get; init; }

    public string? LabelSelector { get; init; }

    /// <summary>Sent to the server; a cache answers <c>name=value</c> from the index called <c>name</c>.</summary>
    public string? FieldSelector { get; init; }

    public int? Limit { get; init; }

    public string? Continue { get; init; }
}

/// <summary>Where a watch starts and how long the server keeps it open.</summary>
public sealed record WatchOptions
{
    public string? Namespace { get; init; }

    public string? LabelSelector { get; init; }

    public string? FieldSelector { get; init; }

    /// <summary>Start after this version (the list's, or the last event's).</summary>
    public string? ResourceVersion { get; init; }

    /// <summary>Ask for BOOKMARK events, which move the resume point without a change.</summary>
    public bool AllowBookmarks { get; init; } = true;

    /// <summary>The server closes the watch after this long; the client gives up a minute later.</summary>
    /// <value>Defaults to 5 minutes (client-go uses a random value between 5 and 10).</value>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(5);
}

/// <summary>A page of objects and the resourceVersion of the list.</summary>
public sealed record ObjectList<T>(IReadOnlyList<T> Items, string? ResourceVersion, string? Continue = null)
{
    /// <summary>Objects of the page that do not fit <typeparamref name="T"/>; they are not in <see cref="Items"/>.</summary>
    public IReadOnlyList<UndecodableObject> Undecodable { get; init; } = [];
}

/// <summary>The kinds of watch event.</summary>
public enum WatchEventType
{
    Added,
    Modified,
    Deleted,

    /// <summary>Only the object's resourceVersion is meaningful.</summary>
    Bookmark,
}

/// <summary>One change seen by a watch.</summary>
public sealed record WatchEvent<T>(WatchEventType Type, T Resource)
{
    /// <summary>Set when the object does not fit <typeparamref name="T"/>; <see cref="Resource"/> is then null.</summary>
    public UndecodableObject? Undecodable { get; init; }
}
