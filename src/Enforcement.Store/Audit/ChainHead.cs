namespace Enforcement.Store.Audit;

/// <summary>The last record of one subject's chain, as a digest pins it.</summary>
public sealed record ChainHead(string Subject, long Seq, string Hash);
