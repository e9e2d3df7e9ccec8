namespace Enforcement.Host.Policies;

/// <summary>The body of <c>PUT /v1/policies</c> and <c>POST /v1/policies/validate</c>: the whole set, file name to YAML text.</summary>
public sealed record PolicySetBody(Dictionary<string, string>? Files);
