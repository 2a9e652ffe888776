namespace CiBridge.Jenkins.Models;

/// <summary>The result of <see cref="IJenkinsClient.VerifyAsync"/>.</summary>
/// <param name="Status">What was found.</param>
/// <param name="Message">A human-readable explanation (no secrets).</param>
/// <param name="Version">Jenkins version from <c>X-Jenkins</c>, when seen.</param>
/// <param name="User">The authenticated user id from <c>/whoAmI</c>, when known.</param>
/// <param name="CrumbsRequired">Whether Jenkins uses CSRF crumbs.</param>
public sealed record VerifyOutcome(VerifyStatus Status, string Message, string? Version = null, string? User = null, bool CrumbsRequired = false)
{
    /// <summary>True when <see cref="Status"/> is <see cref="VerifyStatus.Verified"/>.</summary>
    public bool Succeeded => Status == VerifyStatus.Verified;
}
