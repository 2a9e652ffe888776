namespace CiBridge.Sandbox.ApiServer.Watch;

/// <summary>One change in the store, as watchers receive it. <see cref="Json"/> is the object after the change.</summary>
/// <remarks><see cref="Previous"/> is the summary before a modification, so that selector watchers can
/// turn it into ADDED or DELETED when the object enters or leaves their selection.</remarks>
internal sealed record WatchEvent(string Type, string StorageKey, long ResourceVersion, string Json, ObjectSummary Summary, ObjectSummary? Previous = null)
{
    public const string Added = "ADDED";
    public const string Modified = "MODIFIED";
    public const string Deleted = "DELETED";
    public const string Bookmark = "BOOKMARK";
    public const string Error = "ERROR";
}
