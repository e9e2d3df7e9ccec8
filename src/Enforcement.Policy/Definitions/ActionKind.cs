namespace Enforcement.Policy.Definitions;

/// <summary>The actions a rung may take, in ascending order of how much they restrict access.</summary>
public enum ActionKind
{
    Observe,
    Escalate,
    Throttle,
    Challenge,
    Suspend,
}
