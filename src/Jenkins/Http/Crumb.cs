namespace CiBridge.Jenkins.Http;

/// <summary>A CSRF crumb: the header name (<c>Jenkins-Crumb</c>) and value.</summary>
internal sealed record Crumb(string Field, string Value);
