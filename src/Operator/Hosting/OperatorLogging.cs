using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Json;

namespace CiBridge.Operator.Hosting;

/// <summary>Serilog to standard output: JSON lines for log collectors, or text for people.</summary>
internal static class OperatorLogging
{
    public static void Configure(ILoggingBuilder logging, string format, string level)
    {
        var minimum = Enum.TryParse<LogEventLevel>(level, ignoreCase: true, out var parsed) ? parsed : LogEventLevel.Information;
        var configuration = new LoggerConfiguration()
            .MinimumLevel.Is(minimum)
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .MinimumLevel.Override("System.Net.Http", LogEventLevel.Warning)
            .Enrich.FromLogContext();
        configuration = format == "text"
            ? configuration.WriteTo.Console(outputTemplate: "{Timestamp:HH:mm:ss} {Level:u3} {SourceContext}: {Message:lj}{NewLine}{Exception}")
            : configuration.WriteTo.Console(new JsonFormatter(renderMessage: true));
        logging.ClearProviders();
        logging.AddSerilog(configuration.CreateLogger(), dispose: true);
    }
}
