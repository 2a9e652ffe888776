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

    private void Track(CountedTimer timer, bool armed)
    {
        lock (_gate)
        {
            if (armed) _armed.Add(timer);
            else _armed.Remove(timer);
        }
    }

    private sealed class CountedTimer(TimerCountingTimeProvider owner) : ITimer
    {
        private ITimer? _inner;
        private bool _periodic;

        public void Attach(ITimer inner) => _inner = inner;

        // A one-shot timer is no longer armed once it fired; a periodic one stays armed.
        public TimerCallback Wrap(TimerCallback callback) => state =>
        {
            if (!_periodic) owner.Track(this, armed: false);
            callback(state);
        };

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            _periodic = period != Timeout.InfiniteTimeSpan && period != TimeSpan.Zero;
            owner.Track(this, armed: dueTime != Timeout.InfiniteTimeSpan);
            return _inner!.Change(dueTime, period);
        }

        public void Dispose()
        {
            owner.Track(this, armed: false);
            _inner!.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
