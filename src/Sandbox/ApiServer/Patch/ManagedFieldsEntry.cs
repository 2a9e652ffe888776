namespace CiBridge.Sandbox.ApiServer.Patch;

/// <summary>One entry of <c>metadata.managedFields</c>: who owns which leaf fields, by which operation.</summary>
internal sealed record ManagedFieldsEntry(string Manager, string Operation, string ApiVersion, string? Subresource, HashSet<string> Fields, string Time);
