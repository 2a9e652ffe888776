namespace CiBridge.Jenkins.Models;

/// <summary>A parameter definition of a job.</summary>
/// <param name="Name">Parameter name.</param>
/// <param name="Type">Definition type, e.g. <c>StringParameterDefinition</c>.</param>
/// <param name="DefaultValue">Default value as text, if any.</param>
/// <param name="Choices">Choices of a choice parameter (empty otherwise).</param>
/// <param name="Description">Description text.</param>
public sealed record JobParameter(string Name, string Type, string? DefaultValue, IReadOnlyList<string> Choices, string? Description);
