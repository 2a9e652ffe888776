using CiBridge.Entities.CiTasks;
using CiBridge.Jenkins;
using CiBridge.Jenkins.Models;
using CiBridge.Operator.Controllers.Shared;

namespace CiBridge.Operator.Controllers.Tasks;

/// <summary>One CiTask reconcile as its steps see it: the status scope, and what earlier steps found.</summary>
internal sealed class TaskReconcile(StatusScope<CiTask> status)
{
    public StatusScope<CiTask> Status { get; } = status;

    /// <summary>The working copy the steps change.</summary>
    public CiTask Task => Status.Working;

    /// <summary>The run to start, once the plan step found one due.</summary>
    public RunPlan? Plan { get; set; }

    /// <summary>The revision <c>spec.revisionFrom</c> reports, once read.</summary>
    public Revisions.SourceRevision? SourceRevision { get; set; }

    /// <summary>The endpoint's client, once the endpoint step found it Ready.</summary>
    public IJenkinsClient? Client { get; set; }

    public ResolvedParameters? Parameters { get; set; }

    /// <summary>The job as Jenkins describes it, once checked.</summary>
    public JenkinsJob? Job { get; set; }
}
