using Microsoft.Extensions.Logging;

namespace CiBridge.Jenkins.Http;

/// <summary>Source-generated log messages. They carry method, path and status; never headers or bodies.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Jenkins {Method} {Path} answered {Status} in {ElapsedMs} ms")]
    public static partial void Answered(ILogger logger, string method, string path, int status, long elapsedMs);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Jenkins {Method} {Path} failed ({Kind}): {Reason}")]
    public static partial void Failed(ILogger logger, string method, string path, Errors.JenkinsErrorKind kind, string reason);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Jenkins rejected the CSRF crumb for {Path}; fetching a new one")]
    public static partial void CrumbRefresh(ILogger logger, string path);
}
