namespace CiBridge.Sandbox.Jenkins.Model;

/// <summary>A folder or a job in the stand-in's item tree.</summary>
internal sealed class JenkinsItem(string name, JenkinsItem? parent, bool isFolder)
{
    public string Name { get; } = name;
    public JenkinsItem? Parent { get; } = parent;
    public bool IsFolder { get; } = isFolder;
    public Dictionary<string, JenkinsItem> Children { get; } = new(StringComparer.OrdinalIgnoreCase);
    public JobKind Kind { get; set; } = JobKind.Freestyle;
    public List<StandInParameter> Parameters { get; } = [];
    public JobBehavior Behavior { get; set; } = JobBehavior.Default;
    public bool Disabled { get; set; }
    public List<BuildRecord> Builds { get; } = [];
    public int NextBuildNumber { get; set; } = 1;
    public string? Description { get; set; }

    public string FullName => Parent is null || Parent.Parent is null && Parent.Name.Length == 0
        ? Name
        : Parent.FullName + "/" + Name;

    public string FullDisplayName => FullName.Replace("/", " » ", StringComparison.Ordinal);

    /// <summary>Relative URL, e.g. <c>job/a/job/b/</c>.</summary>
    public string RelativeUrl => (Parent is { Name.Length: > 0 } ? Parent.RelativeUrl : "") + "job/" + RawEncoding.Encode(Name) + "/";

    public string JavaClass => IsFolder
        ? "com.cloudbees.hudson.plugins.folder.Folder"
        : Kind == JobKind.Pipeline ? "org.jenkinsci.plugins.workflow.job.WorkflowJob" : "hudson.model.FreeStyleProject";

    public bool IsParameterized => Parameters.Count > 0;

    public BuildRecord? FindBuild(int number) => Builds.Find(b => b.Number == number);

    public string Color
    {
        get
        {
            if (Disabled) return "disabled";
            var last = Builds.LastOrDefault(b => b.Result is not null);
            var baseColor = last?.Result switch
            {
                null => "notbuilt",
                "SUCCESS" => "blue",
                "UNSTABLE" => "yellow",
                "ABORTED" => "aborted",
                "NOT_BUILT" => "notbuilt",
                _ => "red",
            };
            return Builds.Exists(b => b.Building) ? baseColor + "_anime" : baseColor;
        }
    }
}
