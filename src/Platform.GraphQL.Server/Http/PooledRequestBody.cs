using System.Buffers;

namespace Platform.GraphQL.Server.Http;

/// <summary>A request body held in one rented array; dispose to return it to the pool.</summary>
internal readonly struct PooledRequestBody(byte[] buffer, int length) : IDisposable
{
    public ReadOnlyMemory<byte> Memory => buffer.AsMemory(0, length);

    public void Dispose() => ArrayPool<byte>.Shared.Return(buffer);
}
