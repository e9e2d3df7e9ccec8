namespace Enforcement.Policy.Ladders;

/// <summary>What changed in a (subject, policy) pair's ladder state.</summary>
public enum TransitionKind
{
    /// <summary>The condition was true after cooldown: the subject moved up one rung and took that rung's actions.</summary>
    Climb,

    /// <summary>At the top rung, with every timed action of that rung expired, its actions were taken again.</summary>
    Renew,

    /// <summary>Decay passed without the condition being true: the subject moved down one rung.</summary>
    StepDown,

    /// <summary>Actions with <c>for</c> reached their end.</summary>
    Expire,

    /// <summary>Delayed actions, taken earlier, came into force.</summary>
    TakeEffect,

    /// <summary>Actions of one kind in force were lifted before their time, as when a challenge is passed; the rung stays.</summary>
    Lift,

    /// <summary>A reviewer overturned a climb: the actions of that rung and above were lifted and the rung went back below it.</summary>
    Overturn,
}
