using System.Collections.Immutable;
using Enforcement.Runtime.Signals;

namespace Enforcement.Runtime.Entities;

/// <summary>
/// The signals of one journal entry of a member account that concern an entity or cluster. The entity journals only
/// the reference (account, sequence, creation time): the signals stay in the account's journal, where replay reads them.
/// </summary>
/// <param name="Seq">The account's journal entry that took the signals: an entity takes each entry once.</param>
/// <param name="Created">The account's creation time (UTC ticks, 0 if unknown), which <c>new_members</c> reads.</param>
[GenerateSerializer, Immutable, Alias("enforcement.member-signals")]
public sealed record MemberSignals(
    [property: Id(0)] string Account,
    [property: Id(1)] long Seq,
    [property: Id(2)] long Created,
    [property: Id(3)] ImmutableArray<SignalInput> Signals);
