namespace CiBridge.Sandbox.Jenkins.Model;

/// <summary>A Jenkins user with a password and API tokens; ids are case-insensitive.</summary>
internal sealed class StandInUser(string id, string fullName, string? password)
{
    public string Id { get; } = id;
    public string FullName { get; } = fullName;
    public string? Password { get; } = password;
    public HashSet<string> Tokens { get; } = new(StringComparer.Ordinal);
    public bool CanBuild { get; set; } = true;
    public bool CanRead { get; set; } = true;
}
