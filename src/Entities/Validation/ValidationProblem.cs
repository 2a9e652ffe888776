namespace CiBridge.Entities.Validation;

/// <summary>One thing wrong with a spec: the field (as a kubectl user spells it) and what is wrong.</summary>
public sealed record ValidationProblem(string Field, string Message)
{
    public override string ToString() => $"{Field}: {Message}";
}

/// <summary>The outcome of validating one object; <see cref="ProviderNotApproved"/> is told apart.</summary>
public sealed record ValidationResult(IReadOnlyList<ValidationProblem> Problems, bool ProviderNotApproved)
{
    public static readonly ValidationResult Valid = new([], false);

    public bool IsValid => Problems.Count == 0;

    /// <summary>All problems in one line, for a condition message or an admission denial.</summary>
    public string Summary => string.Join("; ", Problems);
}
