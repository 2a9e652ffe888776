namespace CiBridge.Sandbox.Jenkins.Model;

/// <summary>
/// <c>Cause$UserIdCause</c>: who asked for a build. Jenkins records the user id (null for
/// anonymous) and shows the full name ("Started by user Jenkins Admin").
/// </summary>
internal sealed record UserCause(string? UserId, string UserName)
{
    public static UserCause Of(StandInUser? user) => user is null ? new(null, "anonymous") : new(user.Id, user.FullName);
}
