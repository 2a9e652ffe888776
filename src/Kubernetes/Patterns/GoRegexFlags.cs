namespace CiBridge.Kubernetes.Patterns;

/// <summary>Go's Perl flags in effect: i (fold case), m (multi-line ^ and $), s (. matches \n); U only swaps greediness.</summary>
internal readonly record struct GoRegexFlags(bool FoldCase, bool MultiLine, bool DotMatchesNewline, bool Ungreedy)
{
    public GoRegexFlags With(char flag, bool on) => flag switch
    {
        'i' => this with { FoldCase = on },
        'm' => this with { MultiLine = on },
        's' => this with { DotMatchesNewline = on },
        _ => this with { Ungreedy = on },
    };
}
