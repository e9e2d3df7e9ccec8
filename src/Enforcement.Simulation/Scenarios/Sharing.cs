using System.Collections.Immutable;

namespace Enforcement.Simulation.Scenarios;

/// <summary>
/// Accounts of a group that share linkage keys: units of <paramref name="Size"/> accounts (an office of 15 sharing
/// <c>ip_prefix</c> and <c>org</c>, a family of 3 sharing <c>payment</c>), or a fixed number of <paramref name="Units"/>
/// that all the group's accounts spread over (a carrier's few address ranges shared by thousands). Exactly one of the
/// two is given. Scaling keeps <paramref name="Size"/> and <paramref name="Units"/> as they are.
/// </summary>
/// <param name="Keys">Among <c>ip_prefix</c>, <c>org</c>, <c>payment</c>, <c>device</c>.</param>
public sealed record Sharing(int? Size, int? Units, ImmutableArray<string> Keys);
