namespace CiBridge.Sandbox.ApiServer.Watch;

/// <summary>One change in the store, as watchers receive it. <see cref="Json"/> is the object after the change.</summary>
internal sealed record WatchEvent(string Type, string StorageKey, long ResourceVersion, string Json, ObjectSummary Summary)
{
    public const string Added = "ADDED";
    public const string Modified = "MODIFIED";
    public const string Deleted = "DELETED";
    public const string Bookmark = "BOOKMARK";
    public const string Error = "ERROR";
}
