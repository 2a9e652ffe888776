namespace CiBridge.Sandbox.ApiServer.Storage;

/// <summary>Why a store write did or did not happen.</summary>
internal enum CommitOutcome
{
    Committed,
    AlreadyExists,
    NotFound,
    Conflict,
}
