using CiBridge.Jenkins;

namespace CiBridge.Operator.Cli.Cluster;

/// <summary>
/// Prints a build's console through Jenkins' progressive text (<c>logText/progressiveText</c>):
/// each read starts where the last one ended (<c>X-Text-Size</c>), and <c>X-More-Data</c> says the
/// log is still being written. Without <c>follow</c> it prints what exists now; with it, it waits
/// for more until the log is complete. Every piece passes the redactor first.
/// </summary>
internal sealed class ConsoleStreamer(IJenkinsClient jenkins, StreamRedactor redactor, TextWriter output)
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    /// <summary>Larger than the operator's tail reads: a CLI prints whole logs.</summary>
    public const int ChunkMaxBytes = 64 << 20;

    public async Task StreamAsync(string job, int build, bool follow, CancellationToken ct)
    {
        long offset = 0;
        while (true)
        {
            var chunk = await jenkins.ReadConsoleAsync(job, build, offset, ct);
            await output.WriteAsync(redactor.Push(chunk.Text));
            if (chunk.Truncated) await output.WriteAsync($"\n[a console piece over {ChunkMaxBytes >> 20} MiB was cut here]\n");
            var progressed = chunk.NextOffset > offset;
            offset = chunk.NextOffset;
            // Jenkins returns at most 10 000 lines per read, so a complete log ends at the first read that adds nothing.
            if (!progressed && (!chunk.MoreData || !follow)) break;
            if (!progressed) await Task.Delay(PollInterval, TimeProvider.System, ct);
        }
        await output.WriteAsync(redactor.Flush());
        await output.FlushAsync(ct);
    }
}
