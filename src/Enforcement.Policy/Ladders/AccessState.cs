namespace Enforcement.Policy.Ladders;

/// <summary>
/// What an account may do, in ascending order of severity, so that the most severe of several is the greatest.
/// The wire spells them <c>allow</c>, <c>throttle</c>, <c>challenge</c>, <c>suspended</c>
/// (<see cref="EnforcementState.WireName"/>).
/// </summary>
public enum AccessState
{
    Allow,
    Throttle,
    Challenge,
    Suspended,
}
