namespace CiBridge.Sandbox.Jenkins.Model;

/// <summary>A parameter definition of a stand-in job.</summary>
/// <param name="Name">Parameter name, e.g. <c>BRANCH</c>.</param>
/// <param name="Kind">Definition type.</param>
/// <param name="DefaultValue">Default value (for choices the first choice when null).</param>
/// <param name="Choices">Allowed values of a choice parameter.</param>
/// <param name="Description">Free text shown by Jenkins.</param>
public sealed record StandInParameter(
    string Name,
    ParameterKind Kind = ParameterKind.Text,
    string? DefaultValue = null,
    IReadOnlyList<string>? Choices = null,
    string? Description = null)
{
    /// <summary>A string parameter.</summary>
    public static StandInParameter Text(string name, string defaultValue = "") => new(name, ParameterKind.Text, defaultValue);

    /// <summary>A boolean parameter.</summary>
    public static StandInParameter Flag(string name, bool defaultValue = false) =>
        new(name, ParameterKind.Boolean, defaultValue ? "true" : "false");

    /// <summary>A choice parameter whose default is the first choice.</summary>
    public static StandInParameter Choice(string name, params string[] choices) => new(name, ParameterKind.Choice, choices[0], choices);

    /// <summary>A password parameter.</summary>
    public static StandInParameter Secret(string name, string defaultValue = "") => new(name, ParameterKind.Password, defaultValue);

    internal string JavaClass => Kind switch
    {
        ParameterKind.Boolean => "hudson.model.BooleanParameterDefinition",
        ParameterKind.Choice => "hudson.model.ChoiceParameterDefinition",
        ParameterKind.Password => "hudson.model.PasswordParameterDefinition",
        _ => "hudson.model.StringParameterDefinition",
    };

    internal string ValueClass => Kind switch
    {
        ParameterKind.Boolean => "hudson.model.BooleanParameterValue",
        ParameterKind.Password => "hudson.model.PasswordParameterValue",
        _ => "hudson.model.StringParameterValue",
    };

    internal string EffectiveDefault => DefaultValue ?? (Choices is { Count: > 0 } c ? c[0] : "");
}
