namespace Enforcement.Host.Auth;

/// <summary>Who holds a key: the name the audit trail records and the role that limits what the key may do.</summary>
public sealed record Caller(string Name, string Role);
