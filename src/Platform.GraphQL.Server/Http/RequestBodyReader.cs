using System.Buffers;
using Microsoft.AspNetCore.Http;

namespace Platform.GraphQL.Server.Http;

/// <summary>
/// Reads a request body into a single pooled buffer (the JSON parser then works on it in place), enforcing the size
/// limit while reading so a chunked body or a lying Content-Length cannot get past it.
/// </summary>
internal static class RequestBodyReader
{
    private const int InitialBufferSize = 4096;

    /// <summary>Returns the body, or null when it is larger than <paramref name="maxBytes"/>.</summary>
    public static async ValueTask<PooledRequestBody?> ReadAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        var limit = (int)Math.Min(maxBytes, Array.MaxLength - 1);
        var contentLength = request.ContentLength;
        if (contentLength > limit)
            return null;

        // One spare byte past the expected end lets the final zero-length read happen without growing the buffer.
        var buffer = ArrayPool<byte>.Shared.Rent(contentLength is { } announced ? (int)announced + 1 : Math.Min(InitialBufferSize, limit + 1));
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                    buffer = Grow(buffer, Math.Min(Math.Max(2L * buffer.Length, InitialBufferSize), limit + 1L));

                var read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken);
                if (read == 0)
                    return new PooledRequestBody(buffer, length);

                length += read;
                if (length > limit)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    return null;
                }
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    private static byte[] Grow(byte[] buffer, long size)
    {
        var larger = ArrayPool<byte>.Shared.Rent((int)size);
        buffer.AsSpan().CopyTo(larger);
        ArrayPool<byte>.Shared.Return(buffer);
        return larger;
    }
}
