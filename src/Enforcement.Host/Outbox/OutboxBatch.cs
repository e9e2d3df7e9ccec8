using System.Collections.Immutable;
using System.Globalization;
using Enforcement.Host.Enforcement;
using Enforcement.Store.Changes;

namespace Enforcement.Host.Outbox;

/// <summary>The body of one POST: consecutive changes of the feed, oldest first.</summary>
public sealed record OutboxBatch(ImmutableArray<OutboxChange> Changes)
{
    public static OutboxBatch From(ImmutableArray<StoredChange> changes) =>
        new([.. changes.Select(c => OutboxChange.From(ChangeView.From(c)))]);

    /// <summary>
    /// The <c>Idempotency-Key</c> header: named by the cursors it spans, so the same whichever destination it goes to
    /// and on every retry of the same changes. After a restart a retry may span other cursors, and so carry another
    /// key; each change's own key still matches.
    /// </summary>
    public static string KeyOf(ImmutableArray<StoredChange> changes) =>
        string.Create(CultureInfo.InvariantCulture, $"changes-{changes[0].Cursor}-{changes[^1].Cursor}");
}
