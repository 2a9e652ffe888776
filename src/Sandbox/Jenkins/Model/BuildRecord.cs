namespace CiBridge.Sandbox.Jenkins.Model;

/// <summary>A build of a stand-in job; its log and result follow from the clock.</summary>
internal sealed class BuildRecord(JenkinsItem job, int number, QueueEntry item, DateTimeOffset startedAt)
{
    public JenkinsItem Job { get; } = job;
    public int Number { get; } = number;
    public QueueEntry Item { get; } = item;
    public DateTimeOffset StartedAt { get; } = startedAt;
    public JobBehavior Behavior { get; } = job.Behavior;
    public string? Result { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public DateTimeOffset? AbortAt { get; set; }
    public string? AbortedBy { get; set; }

    public bool Building => Result is null;

    public DateTimeOffset DueAt => AbortAt is { } abort && abort < StartedAt + Behavior.Duration ? abort : StartedAt + Behavior.Duration;

    public string RelativeUrl => Job.RelativeUrl + Number.ToString(System.Globalization.CultureInfo.InvariantCulture) + "/";

    /// <summary>The raw log (with hidden console notes) as written up to <paramref name="now"/>.</summary>
    public string RawLog(DateTimeOffset now)
    {
        var text = new System.Text.StringBuilder();
        foreach (var cause in Item.Causes)
        {
            text.Append(ConsoleNotes.Hidden("hudson.model.Cause$UserIdCause")).Append("Started by user ").Append(cause.UserName).Append('\n');
        }
        text.Append("Running as SYSTEM\n");
        text.Append("Building in workspace /var/jenkins_home/workspace/").Append(Job.FullName).Append('\n');
        var lines = Behavior.ConsoleLines ?? [];
        var end = FinishedAt ?? now;
        var fraction = Behavior.Duration <= TimeSpan.Zero ? 1.0 : Math.Clamp((end - StartedAt) / Behavior.Duration, 0, 1);
        var shown = Result is not null && AbortedBy is null ? lines.Count : (int)Math.Floor(lines.Count * fraction);
        foreach (var line in lines.Take(shown)) text.Append(line).Append('\n');
        if (AbortedBy is not null && Result is not null)
        {
            text.Append("Build was aborted\nAborted by ").Append(AbortedBy).Append('\n');
        }
        if (Result is not null) text.Append("Finished: ").Append(Result).Append('\n');
        return text.ToString();
    }
}
