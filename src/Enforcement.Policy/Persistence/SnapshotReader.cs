using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Enforcement.Policy.Persistence;

/// <summary>
/// Reads back what <see cref="SnapshotWriter"/> wrote, checking every length and value against what remains, so that
/// a malformed snapshot throws <see cref="InvalidDataException"/> instead of reading past its end or allocating
/// whatever a damaged length says.
/// </summary>
internal ref struct SnapshotReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly ReadOnlySpan<byte> data;
    private int position;

    public SnapshotReader(ReadOnlySpan<byte> data) => this.data = data;

    public readonly bool AtEnd => position == data.Length;

    public byte Byte()
    {
        if (position >= data.Length)
            ThrowEndsEarly();
        return data[position++];
    }

    public bool Bool() => Byte() switch
    {
        0 => false,
        1 => true,
        var other => throw Invalid($"expected a flag (0 or 1), not {other}"),
    };

    public ulong Unsigned()
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var b = Byte();
            if (shift == 63 && b > 1)
                break;
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
                return value;
        }
        throw Invalid("a number runs past 64 bits");
    }

    public long Signed()
    {
        var value = Unsigned();
        return (long)(value >> 1) ^ -(long)(value & 1);
    }

    /// <summary>A count of items that each take at least one byte, so never more than the bytes that remain.</summary>
    public int Count(string what)
    {
        var count = Unsigned();
        if (count > (ulong)(data.Length - position))
            throw Invalid($"{count} {what} cannot fit in the {data.Length - position} bytes left");
        return (int)count;
    }

    public int Int(string what, int min, int max)
    {
        var value = Signed();
        if (value < min || value > max)
            throw Invalid($"{what} {value} is outside {min}..{max}");
        return (int)value;
    }

    public ulong Fixed()
    {
        if (data.Length - position < 8)
            ThrowEndsEarly();
        var value = BinaryPrimitives.ReadUInt64LittleEndian(data.Slice(position, 8));
        position += 8;
        return value;
    }

    public string Text()
    {
        var length = Count("bytes of text");
        var bytes = data.Slice(position, length);
        position += length;
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            throw new InvalidDataException("The snapshot holds text that is not UTF-8.", e);
        }
    }

    public DateTimeOffset Time()
    {
        var ticks = (long)Fixed();
        var minutes = Signed();
        try
        {
            return new DateTimeOffset(ticks, TimeSpan.Zero).ToOffset(TimeSpan.FromMinutes(minutes));
        }
        catch (Exception e) when (e is ArgumentException or OverflowException)
        {
            throw new InvalidDataException($"The snapshot is malformed: {ticks} ticks at an offset of {minutes} minutes is not a time.", e);
        }
    }

    /// <summary>Cells as <see cref="SnapshotWriter.Cells"/> wrote them, into an array of exactly <paramref name="length"/>.</summary>
    public long[] Cells(int length)
    {
        var written = Unsigned();
        if (written != (ulong)length)
            throw Invalid($"{written} cells where the layout has {length}");
        var cells = new long[length];
        for (var start = 0; start < length; start += 8)
        {
            var tag = Byte();
            var count = Math.Min(8, length - start);
            if (count < 8 && tag >> count != 0)
                throw Invalid("a cell tag marks cells that do not exist");
            for (var i = 0; i < count; i++)
            {
                var value = Unsigned();
                cells[start + i] = (tag & (1 << i)) != 0
                    ? (long)BinaryPrimitives.ReverseEndianness(value)
                    : (long)(value >> 1) ^ -(long)(value & 1);
            }
        }
        return cells;
    }

    public static InvalidDataException Invalid(string problem) => new($"The snapshot is malformed: {problem}.");

    [DoesNotReturn]
    private readonly void ThrowEndsEarly() =>
        throw new InvalidDataException($"The snapshot ends early, at byte {position} of {data.Length}.");
}
