using System.Security.Cryptography;
using System.Text;

namespace Enforcement.Store.Audit;

/// <summary>The rules of the chain: how an entry becomes bytes, how a record's hash is made, how heads make a root.</summary>
public static class AuditChain
{
    /// <summary>The <see cref="AuditRecord.Prev"/> of a chain's first record.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>The canonical JSON of an entry: fixed property order, no whitespace, invariant formats.</summary>
    public static string Serialize(AuditEntry entry) => AuditEntryJson.Write(entry);

    /// <summary>Reads a body back; throws <see cref="System.Text.Json.JsonException"/> when it is not an entry.</summary>
    public static AuditEntry Deserialize(string body) => AuditEntryJson.Read(body);

    /// <summary>Lowercase hex SHA-256 of <paramref name="prev"/>, a newline and <paramref name="body"/> in UTF-8.</summary>
    public static string HashOf(string prev, string body) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(prev + "\n" + body)));

    /// <summary>Makes the next record of a chain whose last record is <paramref name="tail"/> (null for a new chain).</summary>
    /// <exception cref="ArgumentException">The entry is not of the tail's subject, or its seq is not the tail's plus one (1 for a new chain).</exception>
    public static AuditRecord Append(AuditRecord? tail, AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (tail is not null && !string.Equals(tail.Subject, entry.Subject, StringComparison.Ordinal))
            throw new ArgumentException($"entry of '{entry.Subject}' cannot follow a record of '{tail.Subject}'", nameof(entry));
        var seq = (tail?.Seq ?? 0) + 1;
        if (entry.Seq != seq)
            throw new ArgumentException($"entry of '{entry.Subject}' has seq {entry.Seq}, the chain's next is {seq}", nameof(entry));

        var prev = tail?.Hash ?? Genesis;
        var body = Serialize(entry);
        return new AuditRecord(entry.Subject, entry.Seq, body, prev, HashOf(prev, body));
    }

    /// <summary>Lowercase hex SHA-256 over the lines <c>subject seq hash</c> of the heads in the given order.</summary>
    /// <remarks>Each line ends with a newline, the last one too; no heads hash the empty input.</remarks>
    public static string RootOf(IEnumerable<ChainHead> heads)
    {
        ArgumentNullException.ThrowIfNull(heads);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var head in heads)
            sha.AppendData(Encoding.UTF8.GetBytes(FormattableString.Invariant($"{head.Subject} {head.Seq} {head.Hash}\n")));
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
