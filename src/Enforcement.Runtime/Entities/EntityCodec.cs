using System.Collections.Immutable;
using System.Text;
using Enforcement.Store.Journal;

namespace Enforcement.Runtime.Entities;

/// <summary>
/// The journal's encoding of <see cref="EntityCommand"/>s. Absorbed signals are written as references to the members'
/// journal entries (account, sequence, creation time), never copied: a proxy of twenty thousand accounts would
/// otherwise write every signal twice.
/// </summary>
public static class EntityCodec
{
    private const byte Format = 1;

    public static JournalEntry Encode(string subject, long seq, EntityCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Format);
            writer.Write(command.PolicySetVersion);
            switch (command)
            {
                case AbsorbSignals absorb:
                    writer.Write(absorb.Members.Length);
                    foreach (var member in absorb.Members)
                    {
                        writer.Write(member.Account);
                        writer.Write(member.Seq);
                        writer.Write(member.Created);
                    }
                    break;
                case AdvanceEntity advance:
                    writer.Write(advance.Now.UtcTicks);
                    break;
                case EntityOutcome outcome:
                    Cases.CaseCodec.Write(writer, outcome.Review);
                    break;
                default:
                    throw new ArgumentException($"No journal encoding for {command.GetType().Name}.", nameof(command));
            }
        }
        var kind = command switch
        {
            AbsorbSignals => JournalKind.MemberSignals,
            EntityOutcome => JournalKind.Outcome,
            _ => JournalKind.Advance,
        };
        return new JournalEntry(subject, seq, kind, buffer.ToArray());
    }

    /// <summary>The command of an entry; an <see cref="AbsorbSignals"/> comes back with references only (no signals), for the grain to resolve.</summary>
    public static EntityCommand Decode(JournalEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        using var reader = new BinaryReader(new MemoryStream(entry.Payload, writable: false), Encoding.UTF8);
        var format = reader.ReadByte();
        if (format != Format)
            throw new InvalidDataException($"Journal entry {entry.Subject}#{entry.Seq} has format {format}; this build reads format {Format}.");
        var version = reader.ReadInt64();
        switch (entry.Kind)
        {
            case JournalKind.MemberSignals:
                var count = reader.ReadInt32();
                var members = ImmutableArray.CreateBuilder<MemberSignals>(count);
                for (var i = 0; i < count; i++)
                    members.Add(new MemberSignals(reader.ReadString(), reader.ReadInt64(), reader.ReadInt64(), []));
                return new AbsorbSignals(version, members.MoveToImmutable());
            case JournalKind.Advance:
                return new AdvanceEntity(version, new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero));
            case JournalKind.Outcome:
                return new EntityOutcome(version, Cases.CaseCodec.Read(reader));
            default:
                throw new InvalidDataException($"Journal entry {entry.Subject}#{entry.Seq} has kind {entry.Kind}, which no entity writes.");
        }
    }
}
