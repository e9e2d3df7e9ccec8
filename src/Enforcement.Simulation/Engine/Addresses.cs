namespace Enforcement.Simulation.Engine;

/// <summary>
/// The address ranges accounts egress from, written as /24 prefixes. Each kind of range has its own first octets, so
/// that a home, an office, a carrier, a hydra exit and a campaign's range can never be the same value by accident.
/// </summary>
internal static class Addresses
{
    /// <summary>A household's own range: first octets 20..59.</summary>
    public static string Home(int index) => Prefix(20 + (index >> 16) % 40, index);

    /// <summary>A range shared by a unit of a group (an office, a carrier): first octets 100..139, one per group.</summary>
    public static string Shared(int group, int unit) => Prefix(100 + group % 40, unit);

    /// <summary>An exit of the hydra proxy network: first octet 160.</summary>
    public static string Hydra(int index) => Prefix(160, index);

    /// <summary>A campaign's dedicated range: first octets 180..219, one per campaign.</summary>
    public static string Campaign(int campaign, int index) => Prefix(180 + campaign % 40, index);

    private static string Prefix(int first, int index) => $"{first}.{(index >> 8) & 255}.{index & 255}.0/24";
}
