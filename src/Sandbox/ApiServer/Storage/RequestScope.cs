using CiBridge.Sandbox.ApiServer.Resources;

namespace CiBridge.Sandbox.ApiServer.Storage;

/// <summary>What a write request addresses and how: resource, namespace, name, subresource and options.</summary>
internal sealed record RequestScope(ResourceType Type, string? Namespace, string? Name, string? Subresource)
{
    public bool DryRun { get; init; }

    /// <summary>The field manager that owns what this request changes.</summary>
    public string FieldManager { get; init; } = "unknown";

    /// <summary><c>Strict</c>, <c>Warn</c> or <c>Ignore</c> handling of unknown fields.</summary>
    public string FieldValidation { get; init; } = "Warn";

    public bool IsStatus => Subresource == "status";

    /// <summary>Warnings to send back in <c>Warning</c> headers.</summary>
    public List<string> Warnings { get; } = [];
}
