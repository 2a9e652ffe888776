using CiBridge.Kubernetes.LeaderElection;
using CiBridge.TestKit;

namespace CiBridge.Kubernetes.Tests.LeaderElection;

public sealed class LeaderElectorTests
{
    private static readonly CancellationToken s_ct = TestContext.Current.CancellationToken;

    /// <summary>The Lease as the API server would keep it: one record and a version for optimistic concurrency.</summary>
    private sealed class LeaseStore
    {
        private readonly Lock _gate = new();
        private LeaseRecord? _record;
        private int _version;

        public bool Broken { get; set; }

        /// <summary>The next update hangs until its caller gives up (one shot).</summary>
        public bool HangNextUpdate { get; set; }

        public LeaseRecord? Record
        {
            get { lock (_gate) return _record; }
        }

        public ILeaseLock Client() => new Handle(this);

        public void Put(LeaseRecord record)
        {
            lock (_gate)
            {
                _record = record;
                _version++;
            }
        }

        private sealed class Handle(LeaseStore store) : ILeaseLock
        {
            private int _seen = -1;

            public Task<LeaseRecord?> GetAsync(CancellationToken ct)
            {
                lock (store._gate)
                {
                    if (store.Broken) throw new HttpRequestException("API server unreachable");
                    _seen = store._version;
                    return Task.FromResult(store._record);
                }
            }

            public Task<bool> CreateAsync(LeaseRecord record, CancellationToken ct)
            {
                lock (store._gate)
                {
                    if (store._record is not null) return Task.FromResult(false);
                    store.Put(record);
                    return Task.FromResult(true);
                }
            }

            public async Task<bool> UpdateAsync(LeaseRecord record, CancellationToken ct)
            {
                bool hang;
                lock (store._gate)
                {
                    hang = store.HangNextUpdate;
                    store.HangNextUpdate = false;
                }
                if (hang) await Task.Delay(Timeout.Infinite, ct);
                return Update(record);
            }

            private bool Update(LeaseRecord record)
            {
                lock (store._gate)
                {
                    if (store.Broken) throw new HttpRequestException("API server unreachable");
                    if (store._version != _seen) return false;
                    store.Put(record);
                    return true;
                }
            }
        }
    }

    private sealed class Replica(LeaseStore store, TimerCountingTimeProvider time, string identity)
    {
        private readonly CancellationTokenSource _stop = CancellationTokenSource.CreateLinkedTokenSource(s_ct);

        public LeaseLeaderElector Elector { get; } = new(store.Client(), Options(identity), time, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);

        public int Started;
        public int Stopped;
        public bool LeadingTokenCancelled;
        public Task? Run;

        public Replica Start()
        {
            Run = Elector.RunAsync(async leading =>
            {
                Interlocked.Increment(ref Started);
                try
                {
                    await Task.Delay(Timeout.Infinite, leading);
                }
                catch (OperationCanceledException)
                {
                    LeadingTokenCancelled = true;
                }
            }, () => Interlocked.Increment(ref Stopped), _stop.Token);
            return this;
        }

        public Task StopAsync() => _stop.CancelAsync();
    }

    private static LeaderElectionOptions Options(string identity) =>
        new() { LeaseName = "lock", LeaseNamespace = "ns", Identity = identity };

    /// <summary>
    /// Moves manual time in half-second steps; after each step it waits until every running
    /// replica is parked on its next timer again, so the electors keep pace with the clock.
    /// </summary>
    private static async Task PassAsync(TimerCountingTimeProvider time, TimeSpan total, Replica[] replicas, Func<bool>? invariant = null)
    {
        for (var passed = TimeSpan.Zero; passed < total; passed += TimeSpan.FromMilliseconds(500))
        {
            time.Advance(TimeSpan.FromMilliseconds(500));
            await Eventually.HoldsAsync(() => time.ArmedTimers == replicas.Count(r => !r.Run!.IsCompleted), "electors waiting again", ct: s_ct);
            if (invariant is not null) Assert.True(invariant());
        }
    }

    [Fact]
    public async Task Acquire_NoLease_CreatesItAndStartsLeading()
    {
        var time = new TimerCountingTimeProvider();
        var store = new LeaseStore();
        var a = new Replica(store, time, "a").Start();

        await Eventually.HoldsAsync(() => a.Started == 1, "a leads", ct: s_ct);

        Assert.True(a.Elector.IsLeader);
        Assert.Equal(new LeaseRecord("a", TimeSpan.FromSeconds(15), time.GetUtcNow(), time.GetUtcNow(), 0), store.Record);
        await a.StopAsync();
        await a.Run!.WaitAsync(TimeSpan.FromSeconds(10), s_ct);
    }

    [Fact]
    public async Task Renew_EveryRetryPeriod_MovesRenewTime()
    {
        var time = new TimerCountingTimeProvider();
        var store = new LeaseStore();
        var a = new Replica(store, time, "a").Start();
        await Eventually.HoldsAsync(() => a.Started == 1, "a leads", ct: s_ct);
        var acquired = time.GetUtcNow();

        time.Advance(TimeSpan.FromSeconds(2));
        await Eventually.HoldsAsync(() => store.Record!.Value.RenewTime == acquired.AddSeconds(2), "renewed", ct: s_ct);

        Assert.Equal(acquired, store.Record!.Value.AcquireTime);
        Assert.Equal(0, store.Record!.Value.LeaseTransitions);
        await a.StopAsync();
        await a.Run!.WaitAsync(TimeSpan.FromSeconds(10), s_ct);
    }

    [Fact]
    public async Task Lose_RenewFailsForRenewDeadline_StopsLeading()
    {
        var time = new TimerCountingTimeProvider();
        var store = new LeaseStore();
        var a = new Replica(store, time, "a").Start();
        await Eventually.HoldsAsync(() => a.Started == 1, "a leads", ct: s_ct);

        store.Broken = true;
        await PassAsync(time, TimeSpan.FromSeconds(9), [a]);
        Assert.True(a.Elector.IsLeader);
        await PassAsync(time, TimeSpan.FromSeconds(4), [a]);

        await a.Run!.WaitAsync(TimeSpan.FromSeconds(10), s_ct);
        Assert.False(a.Elector.IsLeader);
        Assert.True(a.LeadingTokenCancelled);
        Assert.Equal(1, a.Stopped);
    }

    [Fact]
    public async Task TakeOver_OnlyAfterLeaseDurationWithoutRenewal()
    {
        var time = new TimerCountingTimeProvider();
        var store = new LeaseStore();
        var start = time.GetUtcNow();
        store.Put(new LeaseRecord("gone", TimeSpan.FromSeconds(15), start, start, 3));
        var b = new Replica(store, time, "b").Start();

        await PassAsync(time, TimeSpan.FromSeconds(14), [b]);
        Assert.Equal(0, b.Started);
        await PassAsync(time, TimeSpan.FromSeconds(4), [b]);
        await Eventually.HoldsAsync(() => b.Started == 1, "b took over", ct: s_ct);

        Assert.Equal("b", store.Record!.Value.HolderIdentity);
        Assert.Equal(4, store.Record!.Value.LeaseTransitions);
        await b.StopAsync();
        await b.Run!.WaitAsync(TimeSpan.FromSeconds(10), s_ct);
    }

    [Fact]
    public async Task TwoReplicas_NeverLeadAtOnce_AndReleaseHandsOver()
    {
        var time = new TimerCountingTimeProvider();
        var store = new LeaseStore();
        var a = new Replica(store, time, "a").Start();
        await Eventually.HoldsAsync(() => a.Started == 1, "a leads", ct: s_ct);
        var b = new Replica(store, time, "b").Start();

        await PassAsync(time, TimeSpan.FromSeconds(60), [a, b], () => !(a.Elector.IsLeader && b.Elector.IsLeader));
        Assert.Equal(0, b.Started);
        await a.StopAsync();
        await a.Run!.WaitAsync(TimeSpan.FromSeconds(10), s_ct);
        Assert.Equal("", store.Record!.Value.HolderIdentity);
        await PassAsync(time, TimeSpan.FromSeconds(3), [a, b]);

        await Eventually.HoldsAsync(() => b.Started == 1, "b leads after release", ct: s_ct);
        Assert.Equal(1, a.Stopped);
        await b.StopAsync();
        await b.Run!.WaitAsync(TimeSpan.FromSeconds(10), s_ct);
    }

    [Fact]
    public async Task Shutdown_DuringRenewal_StillReleasesAndReportsStopped()
    {
        var time = new TimerCountingTimeProvider();
        var store = new LeaseStore();
        var a = new Replica(store, time, "a").Start();
        await Eventually.HoldsAsync(() => a.Started == 1, "a leads", ct: s_ct);
        store.HangNextUpdate = true;
        time.Advance(TimeSpan.FromSeconds(2));
        await Eventually.HoldsAsync(() => !store.HangNextUpdate, "renewal in flight", ct: s_ct);

        await a.StopAsync();
        await a.Run!.WaitAsync(TimeSpan.FromSeconds(10), s_ct);

        Assert.Equal(1, a.Stopped);
        Assert.True(a.LeadingTokenCancelled);
        Assert.Equal("", store.Record!.Value.HolderIdentity);
    }

    [Theory]
    [InlineData("lease not above renew deadline", 10, 10, 2)]
    [InlineData("renew deadline not above jittered retry", 15, 2, 2)]
    [InlineData("zero retry", 15, 10, 0)]
    public void Validate_RejectsBadTimings(string name, int lease, int renew, int retry)
    {
        _ = name;
        var options = new LeaderElectionOptions
        {
            LeaseName = "l",
            LeaseNamespace = "n",
            LeaseDuration = TimeSpan.FromSeconds(lease),
            RenewDeadline = TimeSpan.FromSeconds(renew),
            RetryPeriod = TimeSpan.FromSeconds(retry),
        };

        Assert.Throws<ArgumentException>(options.Validate);
    }

    [Fact]
    public void Validate_AcceptsClientGoDefaults() => new LeaderElectionOptions { LeaseName = "l", LeaseNamespace = "n" }.Validate();
}
