namespace Enforcement.Host.Configuration;

/// <summary>One caller: <c>Enforcement:ApiKeys:0:Key</c>, <c>…:Role</c>, <c>…:Name</c>.</summary>
public sealed class ApiKeyOptions
{
    public string Key { get; set; } = "";

    /// <summary>automation, policy-author, reviewer or admin.</summary>
    public string Role { get; set; } = "";

    /// <summary>Who the caller is in the audit trail and logs; never the key.</summary>
    public string Name { get; set; } = "";
}
