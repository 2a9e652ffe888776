namespace CiBridge.Operator.Controllers.Shared;

/// <summary>One step of a reconcile: reads and changes <typeparamref name="TContext"/>, ends the reconcile or continues.</summary>
internal delegate Task<Outcome> Step<in TContext>(TContext context, CancellationToken ct);

/// <summary>Runs steps in order until one does not say <see cref="Outcome.Continue"/>.</summary>
internal static class Steps
{
    public static async Task<Outcome> RunAsync<TContext>(IEnumerable<Step<TContext>> steps, TContext context, CancellationToken ct)
    {
        foreach (var step in steps)
        {
            var outcome = await step(context, ct);
            if (outcome.Kind != OutcomeKind.Continue) return outcome;
        }
        return Outcome.Done;
    }
}
