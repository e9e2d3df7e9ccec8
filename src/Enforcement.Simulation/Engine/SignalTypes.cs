namespace Enforcement.Simulation.Engine;

/// <summary>The signal types of the catalog (<c>policies/signals.yaml</c>) that the simulated detectors send.</summary>
internal static class SignalTypes
{
    public const string Request = "request";
    public const string CotElicitation = "cot_elicitation";
    public const string Capability = "capability";
    public const string NewModelRequest = "new_model_request";
    public const string RegionMismatch = "region_mismatch";
    public const string Payment = "payment";
}
