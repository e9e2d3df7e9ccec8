using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Enforcement.Store;
using Enforcement.Store.Changes;
using FluentValidation;
using Mediator;

namespace Enforcement.Host.Enforcement;

/// <summary>
/// <c>GET /v1/enforcement/changes?after=&amp;limit=</c>: the resumable feed a gateway follows to keep a local copy of
/// every account's state. Cursors are opaque strings to callers.
/// </summary>
public sealed record ReadChanges(string? After, int? Limit) : IQuery<ChangesAnswer>
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;
}

/// <param name="Next">The cursor to resume after: the last one returned, or the one given when there was nothing new.</param>
public sealed record ChangesAnswer(ImmutableArray<ChangeView> Changes, string Next);

/// <param name="Enforcement">The account's whole enforcement answer after the change, so that a gateway needs no second call.</param>
public sealed record ChangeView(string Cursor, string Account, string State, DateTimeOffset At, long Version, JsonElement? Enforcement)
{
    /// <summary>The wire's view of a stored change; a body that is not JSON reads as null rather than failing the whole page.</summary>
    public static ChangeView From(StoredChange stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return new(
            Cursors.Format(stored.Cursor),
            stored.Change.Account,
            stored.Change.State,
            stored.Change.At,
            stored.Change.Version,
            Parse(stored.Change.Body));
    }

    private static JsonElement? Parse(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

public sealed class ReadChangesValidator : AbstractValidator<ReadChanges>
{
    public ReadChangesValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(q => q.After)
            .Must(after => after is null || Cursors.TryParse(after, out _))
            .WithMessage("after: a cursor from an earlier answer ('next' or a change's 'cursor') is expected.")
            .OverridePropertyName("after");
        RuleFor(q => q.Limit)
            .InclusiveBetween(1, ReadChanges.MaxLimit)
            .OverridePropertyName("limit");
    }
}

public sealed class ReadChangesHandler(IEnforcementStore store) : IQueryHandler<ReadChanges, ChangesAnswer>
{
    public async ValueTask<ChangesAnswer> Handle(ReadChanges query, CancellationToken cancellationToken)
    {
        var after = query.After is null ? 0 : Cursors.Parse(query.After);
        var changes = await store.ReadChangesAsync(after, query.Limit ?? ReadChanges.DefaultLimit, cancellationToken);
        var next = changes.IsEmpty ? after : changes[^1].Cursor;
        return new ChangesAnswer([.. changes.Select(ChangeView.From)], Cursors.Format(next));
    }
}

/// <summary>The feed's cursors on the wire: the store's numbers as decimal strings.</summary>
public static class Cursors
{
    public static string Format(long cursor) => cursor.ToString(CultureInfo.InvariantCulture);

    public static bool TryParse(string text, out long cursor) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out cursor);

    public static long Parse(string text) => TryParse(text, out var cursor) ? cursor : throw new FormatException($"'{text}' is not a cursor.");
}
