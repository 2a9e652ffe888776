namespace CiBridge.Entities.Validation;

/// <summary>A duration setting parses as a Go duration and lies within its bounds.</summary>
internal static class DurationRules
{
    /// <summary>Adds a problem unless <paramref name="text"/> is absent or a duration from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public static void Check(string field, string? text, TimeSpan min, TimeSpan max, List<ValidationProblem> problems)
    {
        if (text is null) return;
        if (!GoDuration.TryParse(text, out var value))
        {
            problems.Add(new(field, $"\"{Shorten(text)}\" is not a duration such as 90s, 5m or 1h (at most {GoDuration.Format(max)})"));
        }
        else if (value < min)
        {
            problems.Add(new(field, $"must be at least {GoDuration.Format(min)}"));
        }
        else if (value > max)
        {
            problems.Add(new(field, $"must be at most {GoDuration.Format(max)}"));
        }
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
