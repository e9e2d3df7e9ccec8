namespace Enforcement.Policy.Definitions;

public enum Severity
{
    Low,
    Medium,
    High,
    Critical,
}
