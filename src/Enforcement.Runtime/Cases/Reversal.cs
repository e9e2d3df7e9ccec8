using Enforcement.Policy;
using Enforcement.Policy.Definitions;
using Enforcement.Policy.Evaluation;
using Enforcement.Policy.Ladders;
using Enforcement.Runtime.Audit;
using Enforcement.Store.Audit;

namespace Enforcement.Runtime.Cases;

/// <summary>
/// What reviewers' outcome does to one subject's own ladders, as pure functions over the subject: accounts and
/// entities both apply it this way, and keep apart only what is theirs (an account also waives inherited actions).
/// </summary>
public static class Reversal
{
    /// <summary>The audit entries of an outcome that moves no ladder: an uphold, or an overturn with nothing of the subject's to take back.</summary>
    /// <param name="inheritedFrom">The entity or cluster whose decision an account's overturn waived, if that is what it did.</param>
    public static AuditEntry Recorded(string subject, string contested, string kind, string action, DateTimeOffset at, ApplyCase review, PolicyDefinition? policy, string? inheritedFrom)
    {
        ArgumentNullException.ThrowIfNull(review);
        return new AuditEntry(
            DecisionIds.Of(subject, policy?.Id ?? "", kind + "\n" + contested, 0, at),
            subject,
            0,
            at,
            policy is null ? null : new PolicyRef(policy.Id, policy.Version, policy.ContentHash),
            kind,
            action,
            "-",
            "-",
            at,
            null,
            inheritedFrom is null ? $"{kind} {contested}; {review.Why}" : $"{kind} {contested} of {inheritedFrom} for this account; {review.Why}",
            null,
            false,
            review.Outcome.Actor,
            inheritedFrom is null ? null : contested);
    }

    /// <summary>
    /// Overturns the subject's own contested climbs and answers the contested decisions that are none of them. The
    /// climbs are all found before anything moves; a policy's lowest contested rung is overturned, which takes back
    /// the rungs above it too, in one decision naming every contested climb it covers. Timers due by
    /// <paramref name="at"/> run first, decided by the system.
    /// </summary>
    public static List<string> OverturnClimbs(Subject subject, ApplyCase review, DateTimeOffset at, List<AuditEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(review);
        ArgumentNullException.ThrowIfNull(entries);
        var climbs = new SortedDictionary<int, (CompiledPolicy Policy, int Rung, List<string> Decisions)>();
        var others = new List<string>();
        foreach (var contested in review.Decisions)
        {
            if (FindClimb(subject, contested) is not { } climb)
            {
                others.Add(contested);
                continue;
            }
            var known = climbs.GetValueOrDefault(climb.Policy.Index, (Policy: climb.Policy, Rung: climb.Rung, Decisions: new List<string>()));
            known.Decisions.Add(contested);
            climbs[climb.Policy.Index] = known with { Rung = Math.Min(known.Rung, climb.Rung) };
        }
        entries.AddRange(subject.Advance(at).Select(d => DecisionRecords.EntryOf(d, 0, DecisionRecords.System)));
        foreach (var (policy, rung, covered) in climbs.Values)
        {
            foreach (var overturn in subject.Overturn(policy, rung, at))
            {
                var entry = DecisionRecords.EntryOf(overturn, 0, DecisionRecords.System);
                // What an overturn lifts ends now, not when it would have expired.
                entries.Add(overturn.Transition.Kind != TransitionKind.Overturn ? entry : entry with
                {
                    Actor = review.Outcome.Actor,
                    Explanation = $"overturned {string.Join(", ", covered)}; {review.Why}",
                    Until = null,
                });
            }
        }
        return others;
    }

    /// <summary>The policy and rung of the subject's own climb <paramref name="decision"/>, if its ladder still shows it.</summary>
    public static (CompiledPolicy Policy, int Rung)? FindClimb(Subject subject, string decision)
    {
        ArgumentNullException.ThrowIfNull(subject);
        foreach (var policy in subject.Program.Policies)
        {
            var ladder = subject.LadderOf(policy);
            foreach (var action in ladder.Actions)
            {
                if (DecisionIds.Taking(subject.Key, policy.Definition.Id, action.Rung, action.TakenAt) == decision)
                    return (policy, action.Rung);
            }
            // A climb whose actions have all expired still holds its rung until decay.
            if (ladder.LastClimbAt is { } climbed && ladder.Rung > 0 && DecisionIds.Taking(subject.Key, policy.Definition.Id, ladder.Rung, climbed) == decision)
                return (policy, ladder.Rung);
        }
        return null;
    }
}
