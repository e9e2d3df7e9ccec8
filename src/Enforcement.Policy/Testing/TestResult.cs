using System.Collections.Immutable;
using Enforcement.Policy.Definitions;

namespace Enforcement.Policy.Testing;

/// <summary>The outcome of one case of a policy's <c>tests:</c>; each failure names the expectation's file:line:col.</summary>
public sealed record TestResult(PolicyDefinition Policy, PolicyTest Test, ImmutableArray<string> Failures)
{
    public bool Passed => Failures.IsEmpty;
}
