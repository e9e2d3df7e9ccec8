using System.Collections.Immutable;
using Enforcement.Runtime.Cases;
using Enforcement.Store;
using Enforcement.Store.Cases;
using FluentValidation;
using Mediator;

namespace Enforcement.Host.Cases;

/// <summary><c>GET /v1/cases?queue=&amp;status=&amp;account=&amp;limit=</c>: the queue a reviewer works.</summary>
/// <param name="Status"><c>open</c> (the default: open, claimed, awaiting confirmation), <c>decided</c>, <c>all</c>, or one status.</param>
public sealed record ListCases(string? Queue, string? Status, string? Account, int? Limit) : IQuery<CaseList>
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    public static readonly ImmutableArray<string> Filters = ["open", "decided", "all", CaseStatus.Claimed, CaseStatus.AwaitingConfirmation, CaseStatus.Upheld, CaseStatus.Overturned];
}

public sealed record CaseList(ImmutableArray<Case> Cases);

public sealed class ListCasesValidator : AbstractValidator<ListCases>
{
    public ListCasesValidator()
    {
        RuleFor(q => q.Status)
            .Must(s => s is null || ListCases.Filters.Contains(s))
            .WithMessage(q => $"status: one of {string.Join(", ", ListCases.Filters)} is expected, not '{q.Status}'.")
            .OverridePropertyName("status");
        RuleFor(q => q.Limit).InclusiveBetween(1, ListCases.MaxLimit).OverridePropertyName("limit");
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
        var found = await store.ListCasesAsync(
            new CaseQuery(query.Queue, statuses, query.Account, null, query.Limit ?? ListCases.DefaultLimit), time.GetUtcNow(), cancellationToken);
        return new CaseList([.. found.Select(CaseDocument.FromStored)]);
    }
}
