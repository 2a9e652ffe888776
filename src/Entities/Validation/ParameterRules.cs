using CiBridge.Entities.CiTasks;
using CiBridge.Kubernetes.Patterns;

namespace CiBridge.Entities.Validation;

/// <summary>Parameter names are unique and well formed; each has exactly one source.</summary>
internal static class ParameterRules
{
    public static void Check(IReadOnlyList<TaskParameter> parameters, List<ValidationProblem> problems)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < parameters.Count; i++)
        {
            var field = $"spec.parameters[{i}]";
            if (parameters[i] is not { } parameter)
            {
                problems.Add(new(field, "must be an object with name and value or valueFrom, not null"));
                continue;
            }
            var name = parameter.Name ?? "";
            if (!GoRegex.IsMatch(TaskParameter.NamePattern, name))
            {
                problems.Add(new($"{field}.name", $"\"{parameter.Name}\" is not a parameter name: letters, digits, '_', '.', '-', not starting with a digit"));
            }
            else if (!seen.Add(name))
            {
                problems.Add(new($"{field}.name", $"\"{parameter.Name}\" is given twice"));
            }
            if (parameter.Name == CiTaskValidator.RunIdParameter)
            {
                problems.Add(new($"{field}.name", $"{CiTaskValidator.RunIdParameter} is set by the operator (it identifies the run); remove it"));
            }
            else if (parameter.Name == CiTaskValidator.RevisionParameter)
            {
                problems.Add(new($"{field}.name", $"{CiTaskValidator.RevisionParameter} is set by the operator (the run's revision: spec.revision or spec.revisionFrom); remove it"));
            }
            CheckSource(parameter, field, problems);
        }
    }

    private static void CheckSource(TaskParameter parameter, string field, List<ValidationProblem> problems)
    {
        if ((parameter.Value is null) == (parameter.ValueFrom is null))
        {
            problems.Add(new(field, "set exactly one of value and valueFrom"));
            return;
        }
        if (parameter.Value is { } value && ControlCharacters.Describe(value, allowLineBreaks: true) is { } found)
        {
            problems.Add(new($"{field}.value", $"must not contain control characters other than tab and line breaks (found {found})"));
        }
        if (parameter.ValueFrom is { } from && (from.SecretKeyRef is null) == (from.ConfigMapKeyRef is null))
        {
            problems.Add(new($"{field}.valueFrom", "set exactly one of secretKeyRef and configMapKeyRef"));
        }
    }
}
