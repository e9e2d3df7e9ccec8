using System.Collections.Immutable;
using Enforcement.Runtime.Accounts;
using Enforcement.Runtime.Cases;
using Enforcement.Runtime.Inheritance;
using Enforcement.Runtime.Signals;

namespace Enforcement.Runtime.Commands;

/// <summary>
/// One command an account grain applied, as its journal keeps it: replaying the commands in order, each under the
/// policy set version it was applied under, gives back exactly the state and decisions the grain had.
/// </summary>
/// <param name="PolicySetVersion">The version of the policy set the command was applied under.</param>
public abstract record AccountCommand(long PolicySetVersion);

/// <summary>Signals taken in, in order: only those accepted (rejections and duplicates are not journaled).</summary>
public sealed record ObserveSignals(long PolicySetVersion, ImmutableArray<SignalInput> Signals) : AccountCommand(PolicySetVersion);

/// <summary>The account's profile as the automation reported it.</summary>
public sealed record UpdateProfile(long PolicySetVersion, ProfileUpdate Update) : AccountCommand(PolicySetVersion);

/// <summary>Time passed to <paramref name="Now"/>: expiries, decay, delayed actions.</summary>
public sealed record AdvanceTime(long PolicySetVersion, DateTimeOffset Now) : AccountCommand(PolicySetVersion);

/// <summary>The identity system reported a challenge passed: the account's challenges are lifted.</summary>
public sealed record PassChallenge(long PolicySetVersion, string Id, string? Kind, DateTimeOffset At) : AccountCommand(PolicySetVersion);

/// <summary>An entity or cluster the account belongs to changed its actions: the account holds them from now on.</summary>
public sealed record InheritActions(long PolicySetVersion, InheritedActions Actions) : AccountCommand(PolicySetVersion);

/// <summary>
/// Reviewers decided a case about the account: an overturn reverses the contested decisions (the rung that climbed
/// and what it took, or the entity's action for this account); either outcome is audited with the reviewers as actor.
/// </summary>
/// <param name="Decisions">The contested decisions' ids: the account's own climbs, or the entity decisions it inherited.</param>
public sealed record ApplyOutcome(long PolicySetVersion, string Case, CaseOutcome Outcome, ImmutableArray<string> Decisions) : AccountCommand(PolicySetVersion);
