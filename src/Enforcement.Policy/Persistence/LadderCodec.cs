using System.Collections.Immutable;
using Enforcement.Policy.Definitions;
using Enforcement.Policy.Ladders;

namespace Enforcement.Policy.Persistence;

/// <summary>One ladder state in a snapshot, with every action it holds written in full.</summary>
internal static class LadderCodec
{
    [Flags]
    private enum Times : byte
    {
        None = 0,
        LastClimbAt = 1,
        LastTrueAt = 2,
        LastStepDownAt = 4,
        AsOf = 8,
        OverturnedUntil = 16,
    }

    [Flags]
    private enum Parts : byte
    {
        None = 0,
        For = 1,
        Rpm = 2,
        Challenge = 4,
        Queue = 8,
        Priority = 16,
        Until = 32,
    }

    public static void Write(SnapshotWriter writer, LadderState state)
    {
        writer.Signed(state.Rung);
        var times = (state.LastClimbAt is null ? Times.None : Times.LastClimbAt)
            | (state.LastTrueAt is null ? Times.None : Times.LastTrueAt)
            | (state.LastStepDownAt is null ? Times.None : Times.LastStepDownAt)
            | (state.AsOf is null ? Times.None : Times.AsOf)
            | (state.OverturnedUntil is null ? Times.None : Times.OverturnedUntil);
        writer.Byte((byte)times);
        WriteTime(writer, state.LastClimbAt);
        WriteTime(writer, state.LastTrueAt);
        WriteTime(writer, state.LastStepDownAt);
        WriteTime(writer, state.AsOf);
        WriteTime(writer, state.OverturnedUntil);

        var actions = state.Actions.OrEmpty();
        writer.Unsigned((ulong)actions.Length);
        foreach (var action in actions)
            Write(writer, action);
    }

    /// <summary>The state as written; fitting it to a policy that may have changed is the caller's.</summary>
    public static LadderState Read(ref SnapshotReader reader)
    {
        var rung = reader.Int("a rung", 0, int.MaxValue);
        var times = (Times)reader.Byte();
        if ((times & ~(Times.LastClimbAt | Times.LastTrueAt | Times.LastStepDownAt | Times.AsOf | Times.OverturnedUntil)) != 0)
            throw SnapshotReader.Invalid($"unknown ladder times {(byte)times:x2}");
        DateTimeOffset? lastClimbAt = times.HasFlag(Times.LastClimbAt) ? reader.Time() : null;
        DateTimeOffset? lastTrueAt = times.HasFlag(Times.LastTrueAt) ? reader.Time() : null;
        DateTimeOffset? lastStepDownAt = times.HasFlag(Times.LastStepDownAt) ? reader.Time() : null;
        DateTimeOffset? asOf = times.HasFlag(Times.AsOf) ? reader.Time() : null;
        DateTimeOffset? overturnedUntil = times.HasFlag(Times.OverturnedUntil) ? reader.Time() : null;

        var count = reader.Count("actions");
        var actions = ImmutableArray.CreateBuilder<ActiveAction>(count);
        for (var i = 0; i < count; i++)
            actions.Add(ReadAction(ref reader));
        return new LadderState(rung, lastClimbAt, lastTrueAt, lastStepDownAt, actions.MoveToImmutable(), asOf) { OverturnedUntil = overturnedUntil };
    }

    private static void Write(SnapshotWriter writer, ActiveAction active)
    {
        var action = active.Action;
        writer.Signed(active.Rung);
        writer.Byte((byte)action.Kind);
        var parts = (action.For is null ? Parts.None : Parts.For)
            | (action.Rpm is null ? Parts.None : Parts.Rpm)
            | (action.Challenge is null ? Parts.None : Parts.Challenge)
            | (action.Queue is null ? Parts.None : Parts.Queue)
            | (action.Priority is null ? Parts.None : Parts.Priority)
            | (active.Until is null ? Parts.None : Parts.Until);
        writer.Byte((byte)parts);
        if (action.For is { } lasts)
            writer.Signed(lasts.Ticks);
        if (action.Rpm is { } rpm)
            writer.Signed(rpm);
        if (action.Challenge is { } challenge)
            writer.Text(challenge);
        if (action.Queue is { } queue)
            writer.Text(queue);
        if (action.Priority is { } priority)
            writer.Text(priority);
        writer.Text(action.At.File);
        writer.Signed(action.At.Line);
        writer.Signed(action.At.Column);
        writer.Time(active.TakenAt);
        writer.Time(active.EffectiveAt);
        WriteTime(writer, active.Until);
    }

    private static ActiveAction ReadAction(ref SnapshotReader reader)
    {
        var rung = reader.Int("an action's rung", 1, int.MaxValue);
        var kind = (ActionKind)reader.Byte();
        if (!Enum.IsDefined(kind))
            throw SnapshotReader.Invalid($"unknown action kind {(int)kind}");
        var parts = (Parts)reader.Byte();
        if ((parts & ~(Parts.For | Parts.Rpm | Parts.Challenge | Parts.Queue | Parts.Priority | Parts.Until)) != 0)
            throw SnapshotReader.Invalid($"unknown action parts {(byte)parts:x2}");
        TimeSpan? lasts = parts.HasFlag(Parts.For) ? TimeSpan.FromTicks(reader.Signed()) : null;
        int? rpm = parts.HasFlag(Parts.Rpm) ? reader.Int("an rpm", int.MinValue, int.MaxValue) : null;
        var challenge = parts.HasFlag(Parts.Challenge) ? reader.Text() : null;
        var queue = parts.HasFlag(Parts.Queue) ? reader.Text() : null;
        var priority = parts.HasFlag(Parts.Priority) ? reader.Text() : null;
        var at = new SourceSpan(reader.Text(), reader.Int("a line", int.MinValue, int.MaxValue), reader.Int("a column", int.MinValue, int.MaxValue));
        var takenAt = reader.Time();
        var effectiveAt = reader.Time();
        DateTimeOffset? until = parts.HasFlag(Parts.Until) ? reader.Time() : null;
        return new ActiveAction(rung, new EnforcementAction(kind, at, lasts, rpm, challenge, queue, priority), takenAt, effectiveAt, until);
    }

    private static void WriteTime(SnapshotWriter writer, DateTimeOffset? time)
    {
        if (time is { } value)
            writer.Time(value);
    }
}
