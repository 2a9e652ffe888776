using System.Diagnostics.Metrics;
using CiBridge.Jenkins.Http;

namespace CiBridge.Jenkins.Tests;

public sealed class MetricsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RequestLatency_IsRecordedOnlyOnTheMetersOfTheFactoryThatMadeTheClient()
    {
        await using var f = await ClientFixture.StartAsync();
        using var ours = new ScopedMeters();
        using var theirs = new ScopedMeters();
        using var client = new JenkinsClientFactory(TimeProvider.System, metrics: new JenkinsMetrics(ours))
            .Create(f.Settings());
        using var other = new JenkinsClientFactory(TimeProvider.System, metrics: new JenkinsMetrics(theirs)).Create(f.Settings());

        await client.VerifyAsync(Ct);

        Assert.True(ours.Measurements > 0, "the client's own meters saw no request");
        Assert.Equal(0, theirs.Measurements);
    }

    /// <summary>An <see cref="IMeterFactory"/> that counts the measurements of its own meters only.</summary>
    private sealed class ScopedMeters : IMeterFactory
    {
        private readonly List<Meter> _meters = [];
        private readonly MeterListener _listener = new();
        private int _measurements;

        public ScopedMeters()
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (ReferenceEquals(instrument.Meter.Scope, this)) listener.EnableMeasurementEvents(instrument);
            };
            _listener.SetMeasurementEventCallback<double>((_, _, _, _) => Interlocked.Increment(ref _measurements));
            _listener.Start();
        }

        public int Measurements => Volatile.Read(ref _measurements);

        public Meter Create(MeterOptions options)
        {
            var meter = new Meter(options.Name, options.Version, options.Tags, scope: this);
            _meters.Add(meter);
            return meter;
        }

        public void Dispose()
        {
            _listener.Dispose();
            foreach (var meter in _meters) meter.Dispose();
        }
    }
}
