using System.Collections.Immutable;

namespace Enforcement.Runtime.Cases;

/// <summary>An outcome as account and entity journals write it: the case, the outcome with its reviewers and note, the contested decisions.</summary>
internal static class CaseCodec
{
    public static void Write(BinaryWriter writer, ApplyCase review)
    {
        writer.Write(review.Case);
        writer.Write(review.Outcome.Outcome);
        writer.Write(review.Outcome.By.Length);
        foreach (var reviewer in review.Outcome.By)
            writer.Write(reviewer);
        writer.Write(review.Outcome.Note);
        writer.Write(review.Outcome.At.UtcTicks);
        writer.Write(review.Decisions.Length);
        foreach (var decision in review.Decisions)
            writer.Write(decision);
    }

    public static ApplyCase Read(BinaryReader reader)
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
        return new ApplyCase(id, new CaseOutcome(outcome, by.MoveToImmutable(), note, at), decisions.MoveToImmutable());
    }
}
