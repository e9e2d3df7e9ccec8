using System.Text;
using Enforcement.Runtime.Commands;

namespace Enforcement.Runtime.Inheritance;

/// <summary>The inheritances of an account in its checkpoint, in the journal's encoding of each subject's actions.</summary>
internal static class InheritanceCodec
{
    public static byte[] Write(IReadOnlyCollection<InheritedActions> all)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(all.Count);
            foreach (var held in all)
                CommandCodec.WriteInherited(writer, held);
        }
        return buffer.ToArray();
    }

    public static IEnumerable<InheritedActions> Read(byte[] data)
    {
        using var reader = new BinaryReader(new MemoryStream(data, writable: false), Encoding.UTF8);
        var count = reader.ReadInt32();
        var all = new List<InheritedActions>(count);
        for (var i = 0; i < count; i++)
            all.Add(CommandCodec.ReadInherited(reader));
        return all;
    }
}
