using System.Collections.Immutable;

namespace Enforcement.Store.Journal;

/// <summary>The outcome of a <see cref="Commit"/>: durable, or refused as a whole for the reason given.</summary>
/// <param name="ConflictingReceipts">Ids of the commit's receipts that another commit had already made durable.</param>
/// <param name="SequenceTaken">True when the journal entry's or an audit record's sequence was already taken: another activation of the subject wrote first.</param>
public sealed record CommitResult(bool Durable, ImmutableArray<string> ConflictingReceipts, bool SequenceTaken)
{
    public static CommitResult Done { get; } = new(true, [], false);

    public static CommitResult Conflict(ImmutableArray<string> ids) => new(false, ids, false);

    public static CommitResult Taken { get; } = new(false, [], true);
}
