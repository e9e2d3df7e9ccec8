using System.Collections.Immutable;
using System.Text;
using Enforcement.Runtime.Accounts;
using Enforcement.Runtime.Cases;
using Enforcement.Runtime.Inheritance;
using Enforcement.Runtime.Signals;
using Enforcement.Store.Journal;

namespace Enforcement.Runtime.Commands;

/// <summary>
/// The journal's encoding of <see cref="AccountCommand"/>s: compact binary, a format byte first. Entries are kept for
/// as long as the journal is, so a change of this format adds a format number and keeps reading the old ones.
/// </summary>
public static class CommandCodec
{
    private const byte Format = 1;

    public static JournalEntry Encode(string subject, long seq, AccountCommand command)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Format);
            writer.Write(command.PolicySetVersion);
            switch (command)
            {
                case ObserveSignals observe:
                    writer.Write(observe.Signals.Length);
                    foreach (var signal in observe.Signals)
                        WriteSignal(writer, signal);
                    break;
                case UpdateProfile profile:
                    WriteTime(writer, profile.Update.Created);
                    WriteString(writer, profile.Update.Tier);
                    WriteString(writer, profile.Update.Region);
                    writer.Write(profile.Update.Verified is { } verified ? (byte)(verified ? 2 : 1) : (byte)0);
                    break;
                case AdvanceTime advance:
                    writer.Write(advance.Now.UtcTicks);
                    break;
                case PassChallenge pass:
                    writer.Write(pass.Id);
                    WriteString(writer, pass.Kind);
                    writer.Write(pass.At.UtcTicks);
                    break;
                case InheritActions inherit:
                    WriteInherited(writer, inherit.Actions);
                    break;
                case ApplyOutcome outcome:
                    writer.Write(outcome.Case);
                    writer.Write(outcome.Outcome.Outcome);
                    writer.Write(outcome.Outcome.By.Length);
                    foreach (var reviewer in outcome.Outcome.By)
                        writer.Write(reviewer);
                    writer.Write(outcome.Outcome.Note);
                    writer.Write(outcome.Outcome.At.UtcTicks);
                    writer.Write(outcome.Decisions.Length);
                    foreach (var decision in outcome.Decisions)
                        writer.Write(decision);
                    break;
                default:
                    throw new ArgumentException($"No journal encoding for {command.GetType().Name}.", nameof(command));
            }
        }
        return new JournalEntry(subject, seq, KindOf(command), buffer.ToArray());
    }

    public static AccountCommand Decode(JournalEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        using var reader = new BinaryReader(new MemoryStream(entry.Payload, writable: false), Encoding.UTF8);
        var format = reader.ReadByte();
        if (format != Format)
            throw new InvalidDataException($"Journal entry {entry.Subject}#{entry.Seq} has format {format}; this build reads format {Format}.");
        var version = reader.ReadInt64();
        var account = AccountOf(entry.Subject);
        return entry.Kind switch
        {
            JournalKind.Signals => new ObserveSignals(version, ReadSignals(reader, account)),
            JournalKind.Profile => new UpdateProfile(version, new ProfileUpdate(ReadTime(reader), ReadString(reader), ReadString(reader), ReadFlag(reader))),
            JournalKind.Advance => new AdvanceTime(version, new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero)),
            JournalKind.Challenge => new PassChallenge(version, reader.ReadString(), ReadString(reader), new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero)),
            JournalKind.Inherit => new InheritActions(version, ReadInherited(reader)),
            JournalKind.Outcome => ReadOutcome(reader, version),
            _ => throw new InvalidDataException($"Journal entry {entry.Subject}#{entry.Seq} has unknown kind {(int)entry.Kind}."),
        };
    }

    private static JournalKind KindOf(AccountCommand command) => command switch
    {
        ObserveSignals => JournalKind.Signals,
        UpdateProfile => JournalKind.Profile,
        AdvanceTime => JournalKind.Advance,
        PassChallenge => JournalKind.Challenge,
        InheritActions => JournalKind.Inherit,
        ApplyOutcome => JournalKind.Outcome,
        _ => throw new ArgumentException($"No journal kind for {command.GetType().Name}.", nameof(command)),
    };

    private static ApplyOutcome ReadOutcome(BinaryReader reader, long version)
    {
        var id = reader.ReadString();
        var outcome = reader.ReadString();
        var by = ImmutableArray.CreateBuilder<string>(reader.ReadInt32());
        for (var i = 0; i < by.Capacity; i++)
            by.Add(reader.ReadString());
        var note = reader.ReadString();
        var at = new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero);
        var decisions = ImmutableArray.CreateBuilder<string>(reader.ReadInt32());
        for (var i = 0; i < decisions.Capacity; i++)
            decisions.Add(reader.ReadString());
        return new ApplyOutcome(version, id, new CaseOutcome(outcome, by.MoveToImmutable(), note, at), decisions.MoveToImmutable());
    }

    private static string AccountOf(string subject) =>
        subject.StartsWith(SubjectKeys.AccountPrefix, StringComparison.Ordinal) ? subject[SubjectKeys.AccountPrefix.Length..] : subject;

    private static void WriteSignal(BinaryWriter writer, SignalInput signal)
    {
        writer.Write(signal.Id);
        writer.Write(signal.Type);
        writer.Write(signal.Value);
        WriteString(writer, signal.Category);
        writer.Write(signal.At.UtcTicks);
        var attrs = signal.Attrs;
        writer.Write(attrs?.Count ?? 0);
        if (attrs is null)
            return;
        foreach (var (name, value) in attrs.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            writer.Write(name);
            writer.Write(value);
        }
    }

    private static ImmutableArray<SignalInput> ReadSignals(BinaryReader reader, string account)
    {
        var count = reader.ReadInt32();
        var signals = ImmutableArray.CreateBuilder<SignalInput>(count);
        for (var i = 0; i < count; i++)
        {
            var id = reader.ReadString();
            var type = reader.ReadString();
            var value = reader.ReadDouble();
            var category = ReadString(reader);
            var at = new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero);
            var attrCount = reader.ReadInt32();
            Dictionary<string, string>? attrs = null;
            if (attrCount > 0)
            {
                attrs = new Dictionary<string, string>(attrCount, StringComparer.Ordinal);
                for (var a = 0; a < attrCount; a++)
                    attrs[reader.ReadString()] = reader.ReadString();
            }
            signals.Add(new SignalInput(i, id, account, type, value, category, at, attrs));
        }
        return signals.MoveToImmutable();
    }

    private static void WriteString(BinaryWriter writer, string? value)
    {
        writer.Write(value is not null);
        if (value is not null)
            writer.Write(value);
    }

    private static string? ReadString(BinaryReader reader) => reader.ReadBoolean() ? reader.ReadString() : null;

    private static void WriteTime(BinaryWriter writer, DateTimeOffset? value)
    {
        writer.Write(value is not null);
        if (value is { } time)
            writer.Write(time.UtcTicks);
    }

    private static DateTimeOffset? ReadTime(BinaryReader reader) =>
        reader.ReadBoolean() ? new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero) : null;

    private static bool? ReadFlag(BinaryReader reader) => reader.ReadByte() switch
    {
        0 => null,
        1 => false,
        _ => true,
    };

    /// <summary>Also the encoding of the inheritances an account checkpoints.</summary>
    internal static void WriteInherited(BinaryWriter writer, InheritedActions inherited)
    {
        writer.Write(inherited.Subject);
        writer.Write(inherited.Version);
        writer.Write(inherited.At.UtcTicks);
        var actions = inherited.Actions.IsDefault ? [] : inherited.Actions;
        writer.Write(actions.Length);
        foreach (var action in actions)
        {
            writer.Write(action.Policy);
            writer.Write(action.Rung);
            writer.Write(action.Kind);
            writer.Write(action.Rpm ?? -1);
            WriteString(writer, action.Challenge);
            writer.Write(action.TakenAt.UtcTicks);
            writer.Write(action.EffectiveAt.UtcTicks);
            WriteTime(writer, action.Until);
            writer.Write(action.Decision);
        }
    }

    internal static InheritedActions ReadInherited(BinaryReader reader)
    {
        var subject = reader.ReadString();
        var version = reader.ReadInt64();
        var at = new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero);
        var count = reader.ReadInt32();
        var actions = ImmutableArray.CreateBuilder<InheritedAction>(count);
        for (var i = 0; i < count; i++)
        {
            var policy = reader.ReadString();
            var rung = reader.ReadInt32();
            var kind = reader.ReadString();
            var rpm = reader.ReadInt32();
            var challenge = ReadString(reader);
            var taken = new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero);
            var effective = new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero);
            var until = ReadTime(reader);
            actions.Add(new InheritedAction(policy, rung, kind, rpm < 0 ? null : rpm, challenge, taken, effective, until, reader.ReadString()));
        }
        return new InheritedActions(subject, version, actions.MoveToImmutable(), at);
    }
}
