namespace Enforcement.Policy.Windows;

/// <summary>The window aggregates of the policy language; <see cref="Members"/> and <see cref="NewMembers"/> exist for entities and clusters.</summary>
public enum AggregateKind
{
    Count,
    Sum,
    Avg,
    Min,
    Max,
    Share,
    Distinct,
    Members,
    NewMembers,
}
