namespace Enforcement.Simulation.Engine;

/// <summary>An account's enforcement state as the gateway last learned it from the change feed.</summary>
internal enum GateState : byte
{
    Allow,
    Throttle,
    Challenge,
    Suspended,
}
