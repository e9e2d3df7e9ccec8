namespace Enforcement.Policy.Definitions;

/// <summary>What a policy judges: an account, one value of a linkage key (an entity), or a cluster of linked accounts.</summary>
public enum Scope
{
    Account,
    Payment,
    IpPrefix,
    Device,
    Org,
    PromptTemplate,
    Proxy,
    Cluster,
}
