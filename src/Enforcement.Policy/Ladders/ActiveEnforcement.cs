using Enforcement.Policy.Definitions;

namespace Enforcement.Policy.Ladders;

/// <summary>
/// An action held by one of the subjects an account belongs to, handed to <see cref="EnforcementState.Combine"/>.
/// </summary>
/// <param name="Subject">The subject holding it, as audited: <c>account:a-42</c>, <c>payment:9f3a</c>.</param>
/// <param name="Policy">The policy whose ladder took it; its mode decides whether it counts.</param>
/// <param name="Decision">The id of the decision that took it, quoted in the reasons.</param>
public sealed record ActiveEnforcement(string Subject, PolicyDefinition Policy, ActiveAction Action, string? Decision);
