namespace Enforcement.Host.Configuration;

/// <summary>
/// The section <c>Enforcement:Outbox</c>: where enforcement changes are pushed. With no <see cref="Url"/> nothing is
/// pushed, and gateways follow the pull feed <c>GET /v1/enforcement/changes</c> only.
/// </summary>
public sealed class OutboxOptions
{
    /// <summary>An absolute http or https URL that takes a POST of each batch; empty: no delivery.</summary>
    public string Url { get; set; } = "";

    /// <summary>At most this many changes per POST.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>How often the outbox looks for changes not yet delivered.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between failed attempts; waits double from one second up to it.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long one POST may take before it counts as failed.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    public bool Enabled => Url.Length > 0;
}
