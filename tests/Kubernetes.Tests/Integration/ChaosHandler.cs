namespace CiBridge.Kubernetes.Tests.Integration;

/// <summary>
/// Breaks watch connections at random, as load balancers and restarts do: some watches fail
/// before they start, the rest are cut after a random number of bytes.
/// </summary>
public sealed class ChaosHandler(HttpMessageHandler inner, int seed) : DelegatingHandler(inner)
{
    private readonly Random _random = new(seed);
    private readonly Lock _gate = new();

    public int Drops { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.RequestUri!.Query.Contains("watch=true", StringComparison.Ordinal)) return await base.SendAsync(request, cancellationToken);
        int cutAfter;
        lock (_gate)
        {
            if (_random.Next(5) == 0)
            {
                Drops++;
                throw new HttpRequestException("chaos: connection refused");
            }
            cutAfter = _random.Next(1, 20_000);
            Drops++;
        }
        var response = await base.SendAsync(request, cancellationToken);
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var cut = new StreamContent(new CuttingStream(stream, cutAfter));
        foreach (var header in response.Content.Headers) cut.Headers.TryAddWithoutValidation(header.Key, header.Value);
        response.Content = cut;
        return response;
    }

    private sealed class CuttingStream(Stream inner, int budget) : Stream
    {
        private int _left = budget;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_left <= 0) throw new IOException("chaos: connection reset");
            var read = await inner.ReadAsync(buffer[..Math.Min(buffer.Length, _left)], cancellationToken);
            _left -= read;
            return read;
        }

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
