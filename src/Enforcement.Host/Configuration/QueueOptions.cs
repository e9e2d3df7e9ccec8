namespace Enforcement.Host.Configuration;

/// <summary>One case queue's rules: a second reviewer for an overturn of a suspension, and how long a case may wait.</summary>
public sealed class QueueOptions
{
    public bool FourEyes { get; set; }

    /// <summary>Null: the deadline of the case's priority (urgent 1h, high 4h, normal 1d, low 3d).</summary>
    public TimeSpan? Deadline { get; set; }
}
