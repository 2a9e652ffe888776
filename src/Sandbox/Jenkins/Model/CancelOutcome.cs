namespace CiBridge.Sandbox.Jenkins.Model;

/// <summary>What <c>POST /queue/cancelItem</c> did.</summary>
internal enum CancelOutcome
{
    Cancelled,
    NotFound,
    AlreadyLeft,
}
