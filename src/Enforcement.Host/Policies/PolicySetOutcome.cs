using System.Collections.Immutable;
using Enforcement.Policy;

namespace Enforcement.Host.Policies;

/// <summary>What became of a posted policy set: accepted with its version and hash, or every problem that kept it out.</summary>
/// <param name="Version">The version it became active as; 0 when it was only checked.</param>
public sealed record PolicySetOutcome(long Version, string? Hash, ImmutableArray<PolicyError> Errors)
{
    public bool Accepted => Errors.IsEmpty;

    public static PolicySetOutcome Rejected(IEnumerable<Diagnostic> errors) =>
        new(0, null, [.. errors.Select(PolicyError.From)]);
}
