namespace CiBridge.Jenkins.Http;

/// <summary>A buffered response: status, the headers the client uses, and a bounded body.</summary>
internal sealed record JenkinsResponse(
    int Status,
    string Body,
    bool Truncated,
    string? Version,
    Uri? Location,
    long? TextSize,
    bool MoreData,
    string? RequiredPermission)
{
    public bool IsSuccess => Status is >= 200 and < 300;

    public bool IsCrumbRejection => Status == 403 && Body.Contains("No valid crumb", StringComparison.Ordinal);
}
