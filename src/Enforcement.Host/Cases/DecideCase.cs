using Enforcement.Host.Configuration;
using Enforcement.Host.Web;
using Enforcement.Runtime.Cases;
using Enforcement.Store;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.Options;

namespace Enforcement.Host.Cases;

/// <summary><c>POST /v1/cases/{id}/decision</c>: uphold or overturn, with a note the audit trail keeps.</summary>
public sealed record DecideCase(string Id, string Reviewer, string Outcome, string Note) : ICommand<Case>;

/// <summary>The body of <c>POST /v1/cases/{id}/decision</c>.</summary>
public sealed record DecisionBody(string? Outcome, string? Note);

public sealed class DecideCaseValidator : AbstractValidator<DecideCase>
{
    public DecideCaseValidator(IOptions<EnforcementOptions> options)
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(c => c.Id).CaseId(options.Value);
        RuleFor(c => c.Outcome)
            .Must(o => o is CaseOutcome.Uphold or CaseOutcome.Overturn)
            .WithMessage(c => $"outcome: uphold or overturn is expected, not '{c.Outcome}'.")
            .OverridePropertyName("outcome");
        RuleFor(c => c.Note).Text("note");
    }
}

public sealed class DecideCaseHandler(IEnforcementStore store, IGrainFactory grains) : ICommandHandler<DecideCase, Case>
{
    public async ValueTask<Case> Handle(DecideCase command, CancellationToken cancellationToken)
    {
        if (await store.ReadCaseAsync(command.Id, cancellationToken) is null)
            throw RequestProblemException.NotFound($"No case {command.Id}.");
        var change = await grains.GetGrain<ICaseGrain>(command.Id).Decide(command.Reviewer, command.Outcome, command.Note);
        return change.Case ?? throw RequestProblemException.Conflict(change.Refusal ?? "The case cannot be decided.");
    }
}
