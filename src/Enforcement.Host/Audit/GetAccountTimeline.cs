using System.Collections.Immutable;
using System.Globalization;
using Enforcement.Host.Accounts;
using Enforcement.Host.Configuration;
using Enforcement.Store;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.Options;

namespace Enforcement.Host.Audit;

/// <summary>
/// <c>GET /v1/accounts/{id}/audit?after=&amp;limit=</c>: the account's decisions in order, each with its explanation
/// and evidence, a page at a time; <c>after</c> is a sequence number (the <c>next</c> of the page before).
/// </summary>
public sealed record GetAccountTimeline(string Account, string? After, int? Limit) : IQuery<TimelineAnswer>
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;
}

/// <param name="Next">Where the next page starts: the last record's sequence, or the <c>after</c> given when the page is empty.</param>
public sealed record TimelineAnswer(ImmutableArray<AuditRecordView> Records, string Next);

public sealed class GetAccountTimelineValidator : AbstractValidator<GetAccountTimeline>
{
    public GetAccountTimelineValidator(IOptions<EnforcementOptions> options)
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(q => q.Account).AccountId(options.Value);
        RuleFor(q => q.After)
            .Must(after => after is null || long.TryParse(after, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            .WithMessage("after: a record's sequence number (the 'next' of the page before) is expected.")
            .OverridePropertyName("after");
        RuleFor(q => q.Limit).InclusiveBetween(1, GetAccountTimeline.MaxLimit).OverridePropertyName("limit");
    }
}

public sealed class GetAccountTimelineHandler(IEnforcementStore store) : IQueryHandler<GetAccountTimeline, TimelineAnswer>
{
    public async ValueTask<TimelineAnswer> Handle(GetAccountTimeline query, CancellationToken cancellationToken)
    {
        var after = query.After is null ? 0 : long.Parse(query.After, NumberStyles.None, CultureInfo.InvariantCulture);
        var records = await store.ReadAuditAsync("account:" + query.Account, after, query.Limit ?? GetAccountTimeline.DefaultLimit, cancellationToken);
        var next = records.IsEmpty ? after : records[^1].Seq;
        return new TimelineAnswer([.. records.Select(AuditRecordView.Of)], next.ToString(CultureInfo.InvariantCulture));
    }
}
