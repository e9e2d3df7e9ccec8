using Enforcement.Host.Configuration;
using Enforcement.Host.Web;
using Enforcement.Runtime.Cases;
using Enforcement.Store;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.Options;

namespace Enforcement.Host.Cases;

/// <summary><c>POST /v1/cases/{id}/claim</c>: the reviewer takes the case.</summary>
public sealed record ClaimCase(string Id, string Reviewer) : ICommand<Case>;

public sealed class ClaimCaseValidator : AbstractValidator<ClaimCase>
{
    public ClaimCaseValidator(IOptions<EnforcementOptions> options) => RuleFor(c => c.Id).CaseId(options.Value);
}

public sealed class ClaimCaseHandler(IEnforcementStore store, IGrainFactory grains) : ICommandHandler<ClaimCase, Case>
{
    public async ValueTask<Case> Handle(ClaimCase command, CancellationToken cancellationToken)
    {
        if (await store.ReadCaseAsync(command.Id, cancellationToken) is null)
            throw RequestProblemException.NotFound($"No case {command.Id}.");
        var change = await grains.GetGrain<ICaseGrain>(command.Id).Claim(command.Reviewer);
        return change.Case ?? throw RequestProblemException.Conflict(change.Refusal ?? "The case cannot be claimed.");
    }
}
