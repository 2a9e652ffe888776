namespace CiBridge.Sandbox.Jenkins.Model;

/// <summary>The life of a queue item (<c>Queue$WaitingItem</c> … <c>Queue$LeftItem</c>).</summary>
internal enum QueueState
{
    Waiting,
    Blocked,
    Buildable,
    Left,
}
