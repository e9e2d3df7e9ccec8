namespace Enforcement.Runtime;

/// <summary>How subjects are named in the journal, the audit log and the enforcement reasons.</summary>
public static class SubjectKeys
{
    public const string AccountPrefix = "account:";

    public static string Account(string id) => AccountPrefix + id;
}
