namespace Enforcement.Policy.Language.Checking;

/// <summary>The <c>account.*</c> fields a condition may read; their values come from the account's profile.</summary>
public enum AccountField
{
    Age,
    Tier,
    Region,
    Verified,
}
