using Microsoft.Extensions.Time.Testing;

namespace CiBridge.TestKit;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that also says how many of its timers are armed, so a test can
/// await "the code under test is waiting on the clock" before it advances the clock (advancing
/// earlier would start the wait from the new time instead).
/// </summary>
public sealed class TimerCountingTimeProvider : FakeTimeProvider
{
    private readonly Lock _gate = new();
    private readonly HashSet<CountedTimer> _armed = [];

    /// <summary>Number of timers that are armed right now.</summary>
    public int ArmedTimers
    {
        get { lock (_gate) return _armed.Count; }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var counted = new CountedTimer(this);
        counted.Attach(base.CreateTimer(counted.Wrap(callback), state, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan));
        counted.Change(dueTime, period);
        return counted;
    }

    private sealed class CountedTimer(TimerCountingTimeProvider owner) : ITimer
    {
        private ITimer? _inner;
        private bool _periodic;
        private long _armings;
        private long _firedArming;

        public void Attach(ITimer inner) => _inner = inner;

        // A one-shot timer is no longer armed once it fired; a periodic one stays armed.
        public TimerCallback Wrap(TimerCallback callback) => state =>
        {
            if (!_periodic)
            {
                lock (owner._gate)
                {
                    _firedArming = _armings;
                    owner._armed.Remove(this);
                }
            }
            callback(state);
        };

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            _periodic = period != Timeout.InfiniteTimeSpan && period != TimeSpan.Zero;
            long arming;
            lock (owner._gate)
            {
                owner._armed.Remove(this);
                arming = ++_armings;
            }
            var changed = _inner!.Change(dueTime, period);
            // Counted only once the inner timer is scheduled, so that a test that saw it armed and then
            // advances the clock fires it instead of scheduling it from the advanced time; not counted
            // when it fired in between (due at once).
            lock (owner._gate)
            {
                if (dueTime != Timeout.InfiniteTimeSpan && (_periodic || _firedArming < arming)) owner._armed.Add(this);
            }
            return changed;
        }

        public void Dispose()
        {
            lock (owner._gate) owner._armed.Remove(this);
            _inner!.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
