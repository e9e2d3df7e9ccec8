using Mediator;

namespace Enforcement.Host.Policies;

/// <summary><c>POST /v1/policies/validate</c>: checks a whole set as <c>PUT</c> would, and changes nothing.</summary>
public sealed record ValidatePolicies(IReadOnlyDictionary<string, string>? Files) : ICommand<PolicySetOutcome>, IPolicySetMessage;

public sealed class ValidatePoliciesValidator : PolicySetMessageValidator<ValidatePolicies>;

public sealed class ValidatePoliciesHandler : ICommandHandler<ValidatePolicies, PolicySetOutcome>
{
    public ValueTask<PolicySetOutcome> Handle(ValidatePolicies command, CancellationToken cancellationToken)
    {
        // Nothing will run on this set: the conditions' second tier would be compiled for nobody.
        var result = PolicySetCompilation.Compile(command.Files!, promote: false);
        return ValueTask.FromResult(result.Set is null
            ? PolicySetOutcome.Rejected(result.Errors)
            : new PolicySetOutcome(0, result.Set.Hash, []));
    }
}
