using System.Collections.Immutable;
using Enforcement.Host.Audit;
using Enforcement.Host.Configuration;
using Enforcement.Policy.Definitions;
using Enforcement.Runtime;
using Enforcement.Runtime.Entities;
using Enforcement.Store;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.Options;

namespace Enforcement.Host.Subjects;

/// <summary><c>GET /v1/subjects/{scope}/{key}</c>: an entity or cluster with its members, conditions, actions and latest decisions.</summary>
public sealed record GetSubject(string Scope, string Key) : IQuery<SubjectAnswer>
{
    public const int Decisions = 50;
}

/// <param name="Decisions">Its latest decisions, oldest first; the whole chain reads through <c>POST /v1/audit/verify</c> and the audit log.</param>
public sealed record SubjectAnswer(SubjectView Subject, ImmutableArray<AuditRecordView> Decisions);

public sealed class GetSubjectValidator : AbstractValidator<GetSubject>
{
    public GetSubjectValidator(IOptions<EnforcementOptions> options)
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        var names = string.Join(", ", Scopes.Names.Where(n => n != "account"));
        RuleFor(q => q.Scope)
            .Must(s => Scopes.TryParse(s, out var scope) && scope != Scope.Account)
            .WithMessage(q => $"scope: one of {names} is expected, not '{q.Scope}' (an account reads at /v1/accounts/{{id}}).")
            .OverridePropertyName("scope");
        RuleFor(q => q.Key)
            .NotEmpty().WithMessage("key: the entity's value (or the cluster's id) is expected.")
            .MaximumLength(options.Value.MaxStringLength).WithMessage($"key: at most {options.Value.MaxStringLength} characters.")
            .OverridePropertyName("key");
    }
}

public sealed class GetSubjectHandler(IGrainFactory grains, IEnforcementStore store) : IQueryHandler<GetSubject, SubjectAnswer>
{
    public async ValueTask<SubjectAnswer> Handle(GetSubject query, CancellationToken cancellationToken)
    {
        if (!Scopes.TryParse(query.Scope, out var scope))
            throw new InvalidOperationException($"The validator lets through scope '{query.Scope}'.");
        var key = scope == Scope.Cluster ? SubjectKeys.Cluster(query.Key) : SubjectKeys.Entity(scope, query.Key);
        var view = await grains.GetGrain<IEntityGrain>(key).GetView();
        var after = Math.Max(0, view.AuditRecords - GetSubject.Decisions);
        var records = await store.ReadAuditAsync(key, after, GetSubject.Decisions, cancellationToken);
        return new SubjectAnswer(view, [.. records.Select(AuditRecordView.Of)]);
    }
}
