namespace Enforcement.Runtime.Tests;

/// <summary>A fresh folder under the system's temp folder, removed with everything in it when disposed.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = Directory.CreateTempSubdirectory("enforcement-").FullName;
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a pooled connection: the temp folder is the OS's to clean.
        }
    }
}
