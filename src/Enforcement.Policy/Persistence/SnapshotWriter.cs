using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace Enforcement.Policy.Persistence;

/// <summary>
/// Appends the primitives of a snapshot, little-endian: LEB128 varints (zigzag for signed), fixed 64-bit words, UTF-8
/// strings prefixed with their length, and cell arrays. <see cref="ToArray"/> seals it with <see cref="Checksum"/>.
/// </summary>
internal sealed class SnapshotWriter
{
    private readonly ArrayBufferWriter<byte> buffer = new(1024);

    public void Byte(byte value)
    {
        buffer.GetSpan(1)[0] = value;
        buffer.Advance(1);
    }

    public void Bool(bool value) => Byte(value ? (byte)1 : (byte)0);

    public void Unsigned(ulong value)
    {
        var span = buffer.GetSpan(10);
        var i = 0;
        while (value >= 0x80)
        {
            span[i++] = (byte)(value | 0x80);
            value >>= 7;
        }
        span[i++] = (byte)value;
        buffer.Advance(i);
    }

    public void Signed(long value) => Unsigned(ZigZag(value));

    public void Fixed(ulong value)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(buffer.GetSpan(8), value);
        buffer.Advance(8);
    }

    public void Text(string value)
    {
        var length = Encoding.UTF8.GetByteCount(value);
        Unsigned((ulong)length);
        Encoding.UTF8.GetBytes(value, buffer.GetSpan(length));
        buffer.Advance(length);
    }

    /// <summary>An instant as its UTC ticks and its offset in minutes, so that it reads back exactly as written.</summary>
    public void Time(DateTimeOffset value)
    {
        Fixed((ulong)value.UtcTicks);
        Signed(value.Offset.Ticks / TimeSpan.TicksPerMinute);
    }

    /// <summary>
    /// Cells hold bucket numbers and counts (small integers, and -1 for a vacant row) beside the bits of doubles (sums,
    /// minima, maxima), whose low bytes are zero when the value is a whole number. Each cell is written as a varint of
    /// whichever is smaller: its zigzag form or its bytes reversed; a tag byte before every eight cells says which.
    /// </summary>
    public void Cells(ReadOnlySpan<long> cells)
    {
        Unsigned((ulong)cells.Length);
        for (var start = 0; start < cells.Length; start += 8)
        {
            var group = cells.Slice(start, Math.Min(8, cells.Length - start));
            byte tag = 0;
            for (var i = 0; i < group.Length; i++)
            {
                if (Reversed(group[i]) < ZigZag(group[i]))
                    tag |= (byte)(1 << i);
            }
            Byte(tag);
            for (var i = 0; i < group.Length; i++)
                Unsigned((tag & (1 << i)) != 0 ? Reversed(group[i]) : ZigZag(group[i]));
        }
    }

    /// <summary>What was written, followed by its checksum.</summary>
    public byte[] ToArray()
    {
        var written = buffer.WrittenSpan;
        var data = new byte[written.Length + Checksum.Length];
        written.CopyTo(data);
        Checksum.Compute(written, data.AsSpan(written.Length));
        return data;
    }

    internal static ulong ZigZag(long value) => (ulong)((value << 1) ^ (value >> 63));

    internal static ulong Reversed(long value) => BinaryPrimitives.ReverseEndianness((ulong)value);
}
