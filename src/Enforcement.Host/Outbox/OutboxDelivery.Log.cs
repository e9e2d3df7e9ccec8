namespace Enforcement.Host.Outbox;

public sealed partial class OutboxDelivery
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox: {Destination} did not take {Key} ({Changes} change(s)): {Failure}; attempt {Failures} in a row failed, next in {Wait}")]
    private static partial void LogFailed(ILogger logger, string destination, string key, int changes, string failure, int failures, TimeSpan wait);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox: {Destination} took {Key} ({Changes} change(s)) after {Failures} failed attempt(s)")]
    private static partial void LogRecovered(ILogger logger, string destination, string key, int changes, int failures);
}
