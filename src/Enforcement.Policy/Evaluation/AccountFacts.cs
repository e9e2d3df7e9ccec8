namespace Enforcement.Policy.Evaluation;

/// <summary>
/// What <c>account.*</c> reads: the profile the automation reported, and when the service first saw the account,
/// which stands in for the creation time of an account never profiled. Times are UTC ticks, 0 when unknown.
/// </summary>
public sealed record AccountFacts(long Created, long FirstSeen, string Tier, string Region, bool Verified)
{
    public static readonly AccountFacts Unknown = new(0, 0, "", "", false);

    /// <summary>Age in seconds at <paramref name="now"/>; an account of unknown creation is as old as its first signal.</summary>
    public double AgeSeconds(long now)
    {
        var created = Created != 0 ? Created : FirstSeen != 0 ? FirstSeen : now;
        return (double)(now - created) / TimeSpan.TicksPerSecond;
    }
}
