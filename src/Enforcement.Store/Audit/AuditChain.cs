namespace Enforcement.Store.Audit;

/// <summary>The rules of the chain: how an entry becomes bytes, how a record's hash is made, how heads make a root.</summary>
public static class AuditChain
{
    /// <summary>The <see cref="AuditRecord.Prev"/> of a chain's first record.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>The canonical JSON of an entry: fixed property order, no whitespace, invariant formats.</summary>
    public static string Serialize(AuditEntry entry) => throw new NotImplementedException();

    public static AuditEntry Deserialize(string body) => throw new NotImplementedException();

    /// <summary>Lowercase hex SHA-256 of <paramref name="prev"/>, a newline and <paramref name="body"/> in UTF-8.</summary>
    public static string HashOf(string prev, string body) => throw new NotImplementedException();

    /// <summary>Makes the next record of a chain whose last record is <paramref name="tail"/> (null for a new chain).</summary>
    public static AuditRecord Append(AuditRecord? tail, AuditEntry entry) => throw new NotImplementedException();

    /// <summary>Lowercase hex SHA-256 over the lines <c>subject seq hash</c> of the heads in the given order.</summary>
    public static string RootOf(IEnumerable<ChainHead> heads) => throw new NotImplementedException();
}
