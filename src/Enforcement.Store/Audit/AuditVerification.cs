namespace Enforcement.Store.Audit;

/// <summary>What <see cref="AuditVerifier.VerifyAsync"/> found: every record intact, or the first break.</summary>
/// <param name="Records">The records read and found intact (up to the break, when there is one).</param>
public sealed record AuditVerification(bool Ok, long Records, AuditBreak? Broken)
{
    /// <summary>The chains read (up to the break, when there is one).</summary>
    public long Chains { get; init; }
}
