namespace CiBridge.Jenkins.Tests.Fuzz;

/// <summary>One answer the scripted server gives to every request.</summary>
public sealed record WireAnswer(int Status, string ContentType, string Body, string? Location, bool XJenkins)
{
    /// <summary>Short enough for a failure report.</summary>
    public override string ToString() =>
        $"{Status} {ContentType} X-Jenkins={XJenkins} Location={Location} body({Body.Length})={(Body.Length > 200 ? Body[..200] + "…" : Body)}";
}
