using System.Collections.Immutable;
using Enforcement.Runtime.Cases;
using Enforcement.Store;
using Enforcement.Store.Cases;
using FluentValidation;
using Mediator;

namespace Enforcement.Host.Cases;

/// <summary><c>GET /v1/cases?queue=&amp;status=&amp;account=&amp;limit=&amp;after=</c>: the queue a reviewer works, a page at a time.</summary>
/// <param name="Status"><c>open</c> (the default: open, claimed, awaiting confirmation), <c>decided</c>, <c>all</c>, or one status.</param>
/// <param name="After">The <c>next</c> of the page before, with the same filters.</param>
public sealed record ListCases(string? Queue, string? Status, string? Account, int? Limit, string? After = null) : IQuery<CaseList>
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    public static readonly ImmutableArray<string> Filters = ["open", "decided", "all", CaseStatus.Claimed, CaseStatus.AwaitingConfirmation, CaseStatus.Upheld, CaseStatus.Overturned];
}

/// <param name="Next">Where to continue (<c>after</c>), or null when this page holds the last cases.</param>
public sealed record CaseList(ImmutableArray<Case> Cases, string? Next);

public sealed class ListCasesValidator : AbstractValidator<ListCases>
{
    public ListCasesValidator()
    {
        RuleFor(q => q.Status)
            .Must(s => s is null || ListCases.Filters.Contains(s))
            .WithMessage(q => $"status: one of {string.Join(", ", ListCases.Filters)} is expected, not '{q.Status}'.")
            .OverridePropertyName("status");
        RuleFor(q => q.Limit).InclusiveBetween(1, ListCases.MaxLimit).OverridePropertyName("limit");
        RuleFor(q => q.After)
            .Must(a => a is null || CaseCursor.Decode(a) is not null)
            .WithMessage("after: the 'next' of an earlier page is expected.")
            .OverridePropertyName("after");
    }
}

public sealed class ListCasesHandler(IEnforcementStore store, TimeProvider time) : IQueryHandler<ListCases, CaseList>
{
    public async ValueTask<CaseList> Handle(ListCases query, CancellationToken cancellationToken)
    {
        IReadOnlyCollection<string> statuses = query.Status switch
        {
            null or "open" => CaseStatus.Undecided,
            "decided" => CaseStatus.Decided,
            "all" => [],
            var one => [one],
        };
        var after = CaseCursor.Decode(query.After);
        var now = after?.Now ?? time.GetUtcNow();
        var limit = query.Limit ?? ListCases.DefaultLimit;
        // One more than the page: whether a next page exists is known without asking again.
        var found = await store.ListCasesAsync(new CaseQuery(query.Queue, statuses, query.Account, null, limit + 1, after), now, cancellationToken);
        var page = found.Length > limit ? found[..limit] : found;
        var next = found.Length > limit ? CaseCursor.Encode(PositionOf(page[^1], now)) : null;
        return new CaseList([.. page.Select(CaseDocument.FromStored)], next);
    }

    private static CasePosition PositionOf(StoredCase stored, DateTimeOffset now) =>
        new(now, CaseStatus.Undecided.Contains(stored.Status) && stored.Deadline <= now, stored.Urgency, stored.Deadline, stored.Id);
}
