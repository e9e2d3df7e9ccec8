namespace Enforcement.Policy.Definitions;

/// <summary>A rung's <c>delay: 10m..2h</c>: its actions take effect after a deterministic draw from this range.</summary>
public readonly record struct DelayRange(TimeSpan Min, TimeSpan Max)
{
    public override string ToString() => $"{Duration.Format(Min)}..{Duration.Format(Max)}";
}
