using System.Net;
using System.Net.Sockets;

namespace Enforcement.Tests;

/// <summary>What every test that starts a host needs of the machine: a port nobody holds, and its temp folder cleaned.</summary>
public static class TestMachine
{
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Deletes a test's temp folder; a file still held open leaves it to the OS to clean.</summary>
    public static void DeleteFolder(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
