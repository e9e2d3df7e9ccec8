namespace Enforcement.Policy.Ladders;

/// <summary>One action behind an account's enforcement state, as the enforcement answer lists it.</summary>
/// <param name="Subject">The subject that holds the action: the account itself or an entity or cluster it belongs to (<c>payment:9f3a</c>).</param>
/// <param name="Policy">The policy id.</param>
/// <param name="Action">The action's name: <c>suspend</c>, <c>challenge</c>, <c>throttle</c>, <c>escalate</c>.</param>
/// <param name="Decision">The id of the decision that took the action, when the runtime has one.</param>
public sealed record EnforcementReason(string Subject, string Policy, string Action, string? Decision);
