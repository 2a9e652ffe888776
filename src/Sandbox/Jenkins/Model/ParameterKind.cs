namespace CiBridge.Sandbox.Jenkins.Model;

/// <summary>The parameter definition types the stand-in knows (Jenkins core's built-in ones).</summary>
public enum ParameterKind
{
    /// <summary><c>hudson.model.StringParameterDefinition</c>.</summary>
    Text,

    /// <summary><c>hudson.model.BooleanParameterDefinition</c>.</summary>
    Boolean,

    /// <summary><c>hudson.model.ChoiceParameterDefinition</c>; the first choice is the default.</summary>
    Choice,

    /// <summary><c>hudson.model.PasswordParameterDefinition</c>; values show as <c>****</c> in queue params.</summary>
    Password,
}
