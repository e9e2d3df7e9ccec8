using Microsoft.Extensions.Logging;

namespace Enforcement.Runtime.Accounts;

public sealed partial class AccountGrain
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Account {Account}: the store refused a commit ({Conflicts} receipts already taken, sequence taken: {SequenceTaken}); rebuilding from the store")]
    private static partial void LogRefused(ILogger logger, string account, int conflicts, bool sequenceTaken);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Subject}: replaying the journal gave audit seq {Replayed} but the store's chain ends at {Stored}; continuing from the store's chain")]
    private static partial void LogReplayDiverged(ILogger logger, string subject, long stored, long replayed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Account {Account}: its entities could not take its signals; the activation ends so that the next one hands them on again")]
    private static partial void LogForwardFailed(ILogger logger, Exception exception, string account);
}
