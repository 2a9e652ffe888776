using System.Globalization;

namespace CiBridge.Kubernetes.Cache;

/// <summary>How a <see cref="LabelRequirement"/> compares a label with its values.</summary>
public enum LabelOperator
{
    /// <summary><c>key=value</c> or <c>key==value</c>.</summary>
    Equals,

    /// <summary><c>key!=value</c>: true when the label is missing too.</summary>
    NotEquals,

    /// <summary><c>key in (a,b)</c>.</summary>
    In,

    /// <summary><c>key notin (a,b)</c>: true when the label is missing too.</summary>
    NotIn,

    /// <summary><c>key</c>.</summary>
    Exists,

    /// <summary><c>!key</c>.</summary>
    DoesNotExist,

    /// <summary><c>key&gt;3</c>: the label is an integer greater than the value.</summary>
    GreaterThan,

    /// <summary><c>key&lt;3</c>.</summary>
    LessThan,
}

/// <summary>One requirement of a label selector (<c>key in (a,b)</c>, <c>!key</c>, <c>key&gt;3</c> …).</summary>
public sealed record LabelRequirement(string Key, LabelOperator Operator, IReadOnlyList<string> Values)
{
    public bool Matches(IReadOnlyDictionary<string, string> labels)
    {
        var has = labels.TryGetValue(Key, out var value);
        return Operator switch
        {
            LabelOperator.Exists => has,
            LabelOperator.DoesNotExist => !has,
            LabelOperator.Equals or LabelOperator.In => has && Values.Contains(value!),
            LabelOperator.NotEquals or LabelOperator.NotIn => !has || !Values.Contains(value!),
            LabelOperator.GreaterThan => has && Compare(value!) > 0,
            LabelOperator.LessThan => has && Compare(value!) < 0,
            _ => false,
        };
    }

    // A label that is not an integer matches neither > nor <, as in kube.
    private int Compare(string value) =>
        long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var actual)
            ? actual.CompareTo(long.Parse(Values[0], CultureInfo.InvariantCulture))
            : 0;
}
