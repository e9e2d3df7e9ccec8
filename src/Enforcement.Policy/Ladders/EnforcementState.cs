using System.Collections.Immutable;
using Enforcement.Policy.Definitions;

namespace Enforcement.Policy.Ladders;

/// <summary>
/// An account's enforcement state: the combination of every action in force, from every policy and every subject the
/// account belongs to. This is what the gateway asks for on each request.
/// </summary>
/// <param name="State">The most severe access in force: suspended &gt; challenge &gt; throttle &gt; allow.</param>
/// <param name="Rpm">The lowest rpm of the throttles in force, whatever the dominant state, so that a gateway knows the limit that remains once a challenge or suspension ends; null with none.</param>
/// <param name="Challenge">The kind of the challenge in force (the first by policy id when several are), whatever the dominant state; null with none.</param>
/// <param name="Until">When the dominant state ends: null when it is <c>allow</c> or any action giving it is untimed, else the latest end among those actions.</param>
/// <param name="Reasons">One per action in force other than <c>observe</c>, the dominant ones first, then by policy id.</param>
public sealed record EnforcementState(
    AccessState State,
    int? Rpm,
    string? Challenge,
    DateTimeOffset? Until,
    ImmutableArray<EnforcementReason> Reasons)
{
    /// <summary>No action in force: what an account never seen gets.</summary>
    public static EnforcementState Allow { get; } = new(AccessState.Allow, null, null, null, []);

    /// <summary>
    /// Combines actions into one state as of <paramref name="now"/>. Only actions in force
    /// (<see cref="ActiveAction.InForceAt"/>: taken but still delayed, or expired, do not count) of policies in
    /// enforce mode count: shadow policies decide and are audited but never change access. <c>observe</c> and
    /// <c>escalate</c> never change access; an <c>escalate</c> still appears among the reasons.
    /// </summary>
    public static EnforcementState Combine(IEnumerable<ActiveEnforcement> actions, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(actions);

        var inForce = actions
            .Where(a => a.Policy.Mode == PolicyMode.Enforce
                && a.Action.Action.Kind != ActionKind.Observe
                && a.Action.InForceAt(now))
            .OrderByDescending(a => AccessOf(a.Action.Action.Kind))
            .ThenBy(a => a.Policy.Id, StringComparer.Ordinal)
            .ThenBy(a => a.Subject, StringComparer.Ordinal)
            .ThenBy(a => a.Action.Rung)
            .ThenBy(a => a.Action.TakenAt)
            .ToList();
        if (inForce.Count == 0)
            return Allow;

        var state = AccessOf(inForce[0].Action.Action.Kind);
        var rpm = inForce
            .Where(a => a.Action.Action.Kind == ActionKind.Throttle)
            .Select(a => a.Action.Action.Rpm)
            .Min();
        var challenge = inForce
            .Where(a => a.Action.Action.Kind == ActionKind.Challenge)
            .Select(a => a.Action.Action.Challenge)
            .FirstOrDefault(kind => kind is not null);
        var reasons = inForce
            .Select(a => new EnforcementReason(a.Subject, a.Policy.Id, a.Action.Action.Name, a.Decision))
            .ToImmutableArray();
        return new EnforcementState(state, rpm, challenge, UntilOf(state, inForce), reasons);
    }

    /// <summary>The state's name on the wire: <c>allow</c>, <c>throttle</c>, <c>challenge</c>, <c>suspended</c>.</summary>
    public static string WireName(AccessState state) => state switch
    {
        AccessState.Allow => "allow",
        AccessState.Throttle => "throttle",
        AccessState.Challenge => "challenge",
        AccessState.Suspended => "suspended",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Not an access state."),
    };

    public bool Equals(EnforcementState? other) =>
        other is not null
        && State == other.State
        && Rpm == other.Rpm
        && string.Equals(Challenge, other.Challenge, StringComparison.Ordinal)
        && Until == other.Until
        && ImmutableArrays.ElementsEqual(Reasons, other.Reasons);

    public override int GetHashCode() =>
        HashCode.Combine(State, Rpm, Challenge, Until, ImmutableArrays.ElementsHash(Reasons));

    private static AccessState AccessOf(ActionKind kind) => kind switch
    {
        ActionKind.Suspend => AccessState.Suspended,
        ActionKind.Challenge => AccessState.Challenge,
        ActionKind.Throttle => AccessState.Throttle,
        _ => AccessState.Allow,
    };

    private static DateTimeOffset? UntilOf(AccessState state, List<ActiveEnforcement> inForce)
    {
        if (state == AccessState.Allow)
            return null;
        DateTimeOffset? latest = null;
        foreach (var action in inForce.Where(a => AccessOf(a.Action.Action.Kind) == state))
        {
            if (action.Action.Until is not { } until)
                return null;
            if (latest is not { } known || until > known)
                latest = until;
        }
        return latest;
    }
}
