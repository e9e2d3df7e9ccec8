using System.Collections.Immutable;
using Enforcement.Host.Accounts;
using Enforcement.Host.Configuration;
using Enforcement.Host.Web;
using Enforcement.Runtime;
using Enforcement.Runtime.Accounts;
using Enforcement.Runtime.Cases;
using Enforcement.Store;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.Options;

namespace Enforcement.Host.Cases;

/// <summary>
/// <c>POST /v1/appeals</c>: a customer contests a decision (or, naming none, every decision behind the account's
/// current restrictions). The case carries each contested decision as its audit record told it.
/// </summary>
/// <param name="Id">The support desk's id of the appeal: sent again, it answers the case it opened.</param>
public sealed record OpenAppeal(string? Id, string Account, string? Decision, string Statement, string? Queue, string? Priority, string Actor) : ICommand<AppealAnswer>;

/// <summary>The body of <c>POST /v1/appeals</c>.</summary>
public sealed record AppealBody(string? Id, string? Account, string? Decision, string? Statement, string? Queue, string? Priority);

/// <param name="Opened">False when the appeal had been sent before: the case is the one it opened then.</param>
public sealed record AppealAnswer(Case Case, bool Opened);

public sealed class OpenAppealValidator : AbstractValidator<OpenAppeal>
{
    public OpenAppealValidator(IOptions<EnforcementOptions> options)
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        var limits = options.Value;
        RuleFor(c => c.Account).AccountId(limits).OverridePropertyName("account");
        RuleFor(c => c.Statement).Text("statement");
        RuleFor(c => c.Id).MaximumLength(limits.MaxIdLength).OverridePropertyName("id");
        RuleFor(c => c.Decision).MaximumLength(limits.MaxIdLength).OverridePropertyName("decision");
        RuleFor(c => c.Queue).MaximumLength(limits.MaxIdLength).OverridePropertyName("queue");
        RuleFor(c => c.Priority)
            .Must(p => p is null || CasePriorities.All.Contains(p))
            .WithMessage(c => $"priority: one of {string.Join(", ", CasePriorities.All)} is expected, not '{c.Priority}'.")
            .OverridePropertyName("priority");
    }
}

public sealed class OpenAppealHandler(IGrainFactory grains, IEnforcementStore store, CaseQueues queues, TimeProvider time) : ICommandHandler<OpenAppeal, AppealAnswer>
{
    public async ValueTask<AppealAnswer> Handle(OpenAppeal command, CancellationToken cancellationToken)
    {
        var enforcement = await grains.GetGrain<IAccountGrain>(command.Account).GetEnforcement();
        var holders = enforcement.Reasons
            .Where(r => r.Decision is not null && r.Action != "escalate")
            .GroupBy(r => r.Decision!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Subject, StringComparer.Ordinal);
        ImmutableArray<string> contested = command.Decision is { } named ? [named] : [.. holders.Keys.Order(StringComparer.Ordinal)];
        if (contested.IsEmpty)
            throw RequestProblemException.Unprocessable($"Account {command.Account} holds no restriction to appeal; name the contested decision in 'decision'.");

        var decisions = ImmutableArray.CreateBuilder<CaseDecision>(contested.Length);
        foreach (var id in contested)
        {
            decisions.Add(await FindAsync(command.Account, id, holders.GetValueOrDefault(id), cancellationToken)
                ?? throw RequestProblemException.Unprocessable($"Account {command.Account} has no decision {id}: appeal one its enforcement reasons or audit timeline name."));
        }

        var appeal = command.Id ?? string.Join('\n', [command.Account, .. contested, command.Statement]);
        var opened = CaseOpening.Appeal(
            appeal, command.Account, command.Queue ?? CaseQueues.Appeals, command.Priority ?? CasePriorities.Default, command.Statement,
            decisions.MoveToImmutable(), time.GetUtcNow(), queues, command.Actor);
        if (await store.OpenCaseAsync(CaseDocument.ToStored(opened), cancellationToken))
            return new AppealAnswer(opened, true);

        var existing = await store.ReadCaseAsync(opened.Id, cancellationToken) ?? throw new InvalidOperationException($"Case {opened.Id} was neither new nor stored.");
        var known = CaseDocument.FromStored(existing);
        if (known.Account != command.Account || known.Statement != command.Statement || !known.Decisions.Select(d => d.Decision).SequenceEqual(contested))
            throw RequestProblemException.Conflict($"Appeal id '{command.Id}' was used for another appeal (case {known.Id}).");
        return new AppealAnswer(known, false);
    }

    /// <summary>
    /// The contested decision as its audit record tells it: one of the account's own, or (when the account inherited
    /// it) the entity's record, found through the account's <c>inherit</c> record or its enforcement reasons.
    /// </summary>
    private async Task<CaseDecision?> FindAsync(string account, string decision, string? holder, CancellationToken cancellationToken)
    {
        var inheritedFrom = holder is not null && holder != SubjectKeys.Account(account) ? holder : null;
        Store.Audit.AuditEntry? inherit = null;
        await foreach (var record in store.ReadAllAuditAsync(SubjectKeys.Account(account), cancellationToken))
        {
            var entry = Store.Audit.AuditChain.Deserialize(record.Body);
            if (entry.Decision == decision)
                return CaseOpening.DecisionOf(entry);
            if (entry.Inherited == decision && entry.Kind == "inherit")
                inherit ??= entry;
        }
        if (inheritedFrom is not null)
        {
            await foreach (var record in store.ReadAllAuditAsync(inheritedFrom, cancellationToken))
            {
                var entry = Store.Audit.AuditChain.Deserialize(record.Body);
                if (entry.Decision == decision)
                    return CaseOpening.DecisionOf(entry) with { Inherited = decision };
            }
        }
        return inherit is null ? null : CaseOpening.DecisionOf(inherit);
    }
}
