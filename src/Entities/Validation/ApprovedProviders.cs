using CiBridge.Entities.JenkinsEndpoints;

namespace CiBridge.Entities.Validation;

/// <summary>
/// The provider kinds an installation accepts (Helm value <c>approvedProviders</c>). Only
/// pre-approved integrations work: anything else is denied by the webhook and the controllers.
/// </summary>
public sealed class ApprovedProviders
{
    public static readonly ApprovedProviders Default = new([JenkinsEndpoint.KindName]);

    private readonly SortedSet<string> _kinds;

    public ApprovedProviders(IEnumerable<string> kinds)
    {
        _kinds = new SortedSet<string>(kinds.Select(k => k.Trim()).Where(k => k.Length > 0), StringComparer.Ordinal);
    }

    public bool IsApproved(string kind) => _kinds.Contains(kind);

    /// <summary>"JenkinsEndpoint" or "A, B", for messages that tell the user what would work.</summary>
    public string Describe() => _kinds.Count == 0 ? "none" : string.Join(", ", _kinds);

    public string NotApprovedMessage(string kind) =>
        $"provider kind \"{kind}\" is not approved; approved provider kinds: {Describe()}. New integrations need approval by the platform team.";
}
