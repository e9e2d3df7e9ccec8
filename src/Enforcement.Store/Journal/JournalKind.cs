namespace Enforcement.Store.Journal;

/// <summary>What a <see cref="JournalEntry"/> holds. Stored as its number: never renumber.</summary>
public enum JournalKind
{
    Signals = 1,
    Profile = 2,
    Advance = 3,
    Challenge = 4,
    Inherit = 5,
    MemberSignals = 6,
    Outcome = 7,
}
