namespace CiBridge.Sandbox.Jenkins.Model;

/// <summary>The job types the stand-in imitates.</summary>
public enum JobKind
{
    /// <summary><c>hudson.model.FreeStyleProject</c>: needs an executor, not concurrent.</summary>
    Freestyle,

    /// <summary><c>org.jenkinsci.plugins.workflow.job.WorkflowJob</c>: flyweight, concurrent.</summary>
    Pipeline,
}
