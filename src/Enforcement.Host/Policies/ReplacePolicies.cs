using Enforcement.Runtime.PolicySets;
using Enforcement.Store;
using FluentValidation;
using Mediator;

namespace Enforcement.Host.Policies;

/// <summary>
/// <c>PUT /v1/policies</c>: replaces the whole set. Checked as a whole first; a set with any problem changes nothing.
/// An accepted set is kept in the store as the next version and is active on this silo when the answer leaves (other
/// silos pick it up at their next refresh).
/// </summary>
/// <param name="Actor">The caller's name, recorded with the version.</param>
public sealed record ReplacePolicies(IReadOnlyDictionary<string, string>? Files, string Actor) : ICommand<PolicySetOutcome>, IPolicySetMessage;

public sealed class ReplacePoliciesValidator : PolicySetMessageValidator<ReplacePolicies>
{
    public ReplacePoliciesValidator() => RuleFor(m => m.Actor).NotEmpty();
}

public sealed partial class ReplacePoliciesHandler(IEnforcementStore store, ActivePolicySet active, TimeProvider time, ILogger<ReplacePoliciesHandler> logger)
    : ICommandHandler<ReplacePolicies, PolicySetOutcome>
{
    public async ValueTask<PolicySetOutcome> Handle(ReplacePolicies command, CancellationToken cancellationToken)
    {
        var result = PolicySetCompilation.Compile(command.Files!);
        if (result.Set is null)
            return PolicySetOutcome.Rejected(result.Errors);
        var stored = await store.SavePolicySetAsync(PolicySetCompilation.FilesOf(result.Set), result.Set.Hash, command.Actor, time.GetUtcNow(), cancellationToken);
        active.Activate(new PolicySetVersion(stored.Version, result.Set));
        LogReplaced(logger, stored.Version, stored.Hash, command.Actor);
        return new PolicySetOutcome(stored.Version, stored.Hash, []);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Policy set version {Version} ({Hash}) is active, put by {Actor}")]
    private static partial void LogReplaced(ILogger logger, long version, string hash, string actor);
}
