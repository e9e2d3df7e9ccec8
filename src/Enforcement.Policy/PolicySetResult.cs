using System.Collections.Immutable;

namespace Enforcement.Policy;

/// <summary>Either a whole policy set, or every problem that kept it from being accepted.</summary>
public sealed record PolicySetResult(PolicySet? Set, ImmutableArray<Diagnostic> Errors)
{
    public bool Accepted => Set is not null;
}
