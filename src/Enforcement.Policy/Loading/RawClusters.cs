using System.Collections.Immutable;

namespace Enforcement.Policy.Loading;

/// <summary>The <c>clusters:</c> section of a signal catalog as written.</summary>
/// <param name="Links">The <c>links</c> list, or null when the section leaves it to the default.</param>
/// <param name="MaxMembers">The <c>max_members</c> value, or null when the section leaves it to the default.</param>
internal sealed record RawClusters(RawList? Links, RawScalar? MaxMembers, ImmutableArray<RawMemberLimit> MaxMembersByKey, SourceSpan At);

/// <summary>One entry of <c>max_members_by_key:</c>, such as <c>payment: 50</c>.</summary>
internal sealed record RawMemberLimit(RawScalar Key, RawScalar Limit);
