using System.Collections.Immutable;
using Enforcement.Policy.Definitions;
using Enforcement.Policy.Evaluation;
using Enforcement.Policy.Ladders;
using Enforcement.Policy.Windows;

namespace Enforcement.Policy.Persistence;

/// <summary>
/// A <see cref="Subject"/> as bytes and back, for the runtime's checkpoints. The snapshot holds the subject's key, its
/// account facts, one ladder state per policy keyed by policy id (the policy set may change between writing and
/// reading), and its windows' complete internal state with the fingerprint of their layout.
/// </summary>
/// <remarks>
/// Format (little-endian): the format version byte; the key; the account facts; the time the ladders describe; the
/// count of ladders, then each policy id with its rung, its times and its actions written in full; the layout's fingerprint (8 bytes); the
/// series' cells and the trackers with the values they remember; last, 8 bytes of checksum over all of that. Numbers
/// are LEB128 varints (zigzag for signed ones), strings UTF-8 with their length, instants their UTC ticks (8 bytes)
/// and offset in minutes.
/// </remarks>
public static class SubjectCodec
{
    /// <summary>The format written; a reader refuses any other.</summary>
    public const byte FormatVersion = 1;

    public static byte[] Write(Subject subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var writer = new SnapshotWriter();
        writer.Byte(FormatVersion);
        writer.Text(subject.Key);

        var account = subject.Account;
        writer.Signed(account.Created);
        writer.Signed(account.FirstSeen);
        writer.Text(account.Tier);
        writer.Text(account.Region);
        writer.Bool(account.Verified);

        writer.Bool(subject.AsOf is not null);
        if (subject.AsOf is { } asOf)
            writer.Time(asOf);
        var policies = subject.Program.Policies;
        var ladders = subject.HeldLadders;
        writer.Unsigned((ulong)policies.Length);
        foreach (var policy in policies)
        {
            writer.Text(policy.Id);
            LadderCodec.Write(writer, ladders[policy.Index]);
        }

        WindowsCodec.Write(writer, subject.Windows);
        return writer.ToArray();
    }

    /// <summary>
    /// The subject a snapshot recorded, running <paramref name="program"/>: the policy set in force now, which may not
    /// be the one it was written under.
    /// </summary>
    /// <remarks>
    /// <para>
    /// <b>Windows.</b> If the program's layout has the fingerprint of the layout the windows were written under, they
    /// come back exactly, running totals and remembered values included. Otherwise they come back empty and
    /// <see cref="SubjectRestore.WindowsRestored"/> is false: the runtime rebuilds them by replaying its journal.
    /// </para>
    /// <para>
    /// <b>Ladders</b> are matched to the program's policies by id, whatever the layout. A policy the program no longer
    /// runs loses its ladder; one new to it starts at <see cref="LadderState.Initial"/>. A ladder that became shorter
    /// than the rung held puts the subject on its new top rung, and every action held from a rung that no longer
    /// exists stays, as the top rung's: a timed one still ends when it was due to, an untimed one is lifted when the
    /// subject steps down from the top. Changing the policy lifts nothing by itself: each action held was an audited
    /// decision, and only a transition may undo it.
    /// </para>
    /// <para>
    /// The sample of evidence (<see cref="Decision.Evidence"/>: the last signal ids observed) is not in the snapshot:
    /// a restored subject starts it empty.
    /// </para>
    /// </remarks>
    /// <param name="key">The subject's key, which the snapshot must have been written for.</param>
    /// <exception cref="InvalidDataException">
    /// The bytes are not a whole, undamaged snapshot of this format, or are the snapshot of another subject.
    /// </exception>
    public static Subject Read(ReadOnlySpan<byte> data, string key, ScopeProgram program, out SubjectRestore restore)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(program);
        if (data.Length < 1 + Checksum.Length)
            throw new InvalidDataException($"The snapshot is {data.Length} bytes long, too short to be one.");
        if (data[0] != FormatVersion)
            throw new InvalidDataException($"The snapshot is in format version {data[0]}; this build reads version {FormatVersion}.");
        var body = data[..^Checksum.Length];
        if (!Checksum.Matches(body, data[^Checksum.Length..]))
            throw new InvalidDataException("The snapshot is damaged: its checksum does not match its content.");

        var reader = new SnapshotReader(body);
        reader.Byte();
        var written = reader.Text();
        if (!string.Equals(written, key, StringComparison.Ordinal))
            throw new InvalidDataException($"The snapshot is of {written}, not of {key}.");

        var account = new AccountFacts(reader.Signed(), reader.Signed(), reader.Text(), reader.Text(), reader.Bool());
        DateTimeOffset? asOf = reader.Bool() ? reader.Time() : null;

        var byId = program.Policies.ToDictionary(p => p.Id, StringComparer.Ordinal);
        var ladders = new LadderState?[program.Policies.Length];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var dropped = new List<string>();
        var count = reader.Count("ladders");
        for (var i = 0; i < count; i++)
        {
            var id = reader.Text();
            var state = LadderCodec.Read(ref reader);
            if (!seen.Add(id))
                throw SnapshotReader.Invalid($"the policy {id} has two ladders");
            if (byId.TryGetValue(id, out var policy))
                ladders[policy.Index] = Fit(state, policy.Definition);
            else
                dropped.Add(id);
        }

        SubjectWindows windows;
        var restored = WindowsCodec.ReadFingerprint(ref reader) == program.Layout.Fingerprint;
        if (restored)
        {
            windows = WindowsCodec.Read(ref reader, program.Layout);
            if (!reader.AtEnd)
                throw SnapshotReader.Invalid("bytes follow the windows");
        }
        else
        {
            windows = new SubjectWindows(program.Layout);
        }

        var added = program.Policies.Where(p => ladders[p.Index] is null).Select(p => p.Id).ToImmutableArray();
        restore = new SubjectRestore(restored, [.. dropped.Order(StringComparer.Ordinal)], [.. added.Order(StringComparer.Ordinal)]);
        return new Subject(key, program, windows, account, [.. ladders.Select(state => state ?? LadderState.Initial)], asOf);
    }

    /// <summary>
    /// A state written under some revision of <paramref name="policy"/>, on the ladder the policy has now. The actions
    /// the policy still defines are its own instances again, so restored subjects share them as live ones do.
    /// </summary>
    private static LadderState Fit(LadderState state, PolicyDefinition policy)
    {
        if (state.Equals(LadderState.Initial))
            return LadderState.Initial;
        var ladder = policy.Ladder.OrEmpty();
        var top = ladder.Length;
        var actions = state.Actions.Select(held =>
        {
            var defined = held.Rung <= top ? ladder[held.Rung - 1].Actions.OrEmpty().FirstOrDefault(a => a.Equals(held.Action)) : null;
            return held with { Rung = Math.Min(held.Rung, top), Action = defined ?? held.Action };
        });
        return state with { Rung = Math.Min(state.Rung, top), Actions = [.. actions] };
    }
}
