using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Enforcement.Store.Audit;
using Enforcement.Store.Changes;
using Enforcement.Store.Journal;
using Enforcement.Store.Timers;

namespace Enforcement.Runtime.Tests.Store;

/// <summary>Small, distinct values for the store's records.</summary>
internal static class Sample
{
    public static readonly DateTimeOffset Noon = new(2026, 2, 20, 12, 0, 0, TimeSpan.Zero);

    public static SignalReceipt Receipt(string id, string account = "a-1") =>
        new(id, account, SHA256.HashData(Encoding.UTF8.GetBytes(id)), Noon.UtcTicks);

    public static JournalEntry Entry(string subject, long seq) =>
        new(subject, seq, JournalKind.Signals, Encoding.UTF8.GetBytes($"{subject}#{seq}"));

    public static AuditRecord Audit(string subject, long seq) =>
        new(subject, seq, $$"""{"decision":"{{subject}}#{{seq}}"}""", $"prev-{seq - 1}", $"hash-{subject}-{seq}");

    public static EnforcementChange Change(string account, long version) =>
        new(account, version, "throttle", Noon.AddMinutes(version), $$"""{"account":"{{account}}","version":{{version}}}""");

    /// <summary>A commit of everything a grain call makes durable: a journal entry, receipts, an audit record, a change and a timer.</summary>
    public static Commit Full(string account, long seq, params string[] receiptIds) =>
        new(
            Entry($"account:{account}", seq),
            [.. receiptIds.Select(id => Receipt(id, account))],
            [Audit($"account:{account}", seq)],
            [Change(account, seq)],
            new DueTimer($"account:{account}", Noon.AddHours(seq)));

    public static Commit Receipts(params string[] ids) => new(null, [.. ids.Select(id => Receipt(id))], [], [], null);

    public static ImmutableArray<string> Ids(string prefix, int count) => [.. Enumerable.Range(0, count).Select(i => $"{prefix}-{i}")];
}
