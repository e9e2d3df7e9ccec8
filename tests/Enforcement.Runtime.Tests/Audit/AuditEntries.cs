using System.Collections.Immutable;
using Enforcement.Store.Audit;

namespace Enforcement.Runtime.Tests.Audit;

/// <summary>Decisions as the account grain would audit them, and chains made of them with <see cref="AuditChain.Append"/>.</summary>
public static class AuditEntries
{
    public static readonly DateTimeOffset Start = new(2026, 2, 20, 12, 0, 0, TimeSpan.Zero);

    public static AuditEntry Climb(string subject, long seq) => new(
        Decision: $"{subject}#{seq}",
        Subject: subject,
        Seq: seq,
        At: Start.AddMinutes(seq),
        Policy: new PolicyRef("cot.volume", 3, "9f3a"),
        Kind: "climb",
        Action: "throttle",
        From: $"rung {seq - 1}",
        To: $"rung {seq}",
        EffectiveAt: Start.AddMinutes(seq),
        Until: Start.AddMinutes(seq).AddHours(6),
        Explanation: $"count(request, 1h) >= 100 (count(request, 1h) = {100 + seq})",
        Evidence: new Evidence(
            ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("count(request, 1h)", 100.0 + seq)]),
            [$"s-{seq}"]),
        Shadow: false,
        Actor: "system",
        Inherited: null);

    /// <summary>A chain of <paramref name="length"/> records of one subject, each appended to the one before.</summary>
    public static ImmutableArray<AuditRecord> Chain(string subject, int length)
    {
        var records = ImmutableArray.CreateBuilder<AuditRecord>(length);
        AuditRecord? tail = null;
        for (var seq = 1; seq <= length; seq++)
        {
            tail = AuditChain.Append(tail, Climb(subject, seq));
            records.Add(tail);
        }
        return records.MoveToImmutable();
    }
}
