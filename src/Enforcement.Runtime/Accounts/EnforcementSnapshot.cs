using System.Collections.Immutable;
using Enforcement.Policy.Ladders;

namespace Enforcement.Runtime.Accounts;

/// <summary>
/// The actions behind an account's enforcement as of its last committed command, published whole so that reads never
/// see a command half applied. Which of them are in force depends on the time asked; between two of their start and
/// end times the answer cannot change, so it is kept until the next one.
/// </summary>
public sealed class EnforcementSnapshot(string account, ImmutableArray<ActiveEnforcement> actions, long version)
{
    private Cached? cached;

    public long Version => version;

    public ImmutableArray<ActiveEnforcement> Actions => actions;

    public EnforcementView At(DateTimeOffset now)
    {
        if (cached is { } known && known.From <= now && now < known.Until)
            return known.View;
        var view = AccountViews.EnforcementOf(account, EnforcementState.Combine(actions, now), version);
        cached = new Cached(view, now, NextChangeAfter(now));
        return view;
    }

    private DateTimeOffset NextChangeAfter(DateTimeOffset now)
    {
        var next = DateTimeOffset.MaxValue;
        foreach (var action in actions)
        {
            if (action.Action.EffectiveAt > now && action.Action.EffectiveAt < next)
                next = action.Action.EffectiveAt;
            if (action.Action.Until is { } until && until > now && until < next)
                next = until;
        }
        return next;
    }

    private sealed record Cached(EnforcementView View, DateTimeOffset From, DateTimeOffset Until);
}
