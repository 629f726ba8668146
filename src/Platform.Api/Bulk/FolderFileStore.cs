using Microsoft.Extensions.Options;

namespace Platform.Api.Bulk;

/// <summary>Bulk files in a folder (<see cref="BulkExportOptions.Folder"/>), written aside and moved into place when whole.</summary>
public sealed class FolderFileStore(IOptions<BulkExportOptions> options) : IBulkFileStore
{
    private string PathOf(string name) => Path.Combine(options.Value.Folder, name);

    public async Task<long> WriteAsync(string name, Func<Stream, Task> write, CancellationToken ct)
    {
        Directory.CreateDirectory(options.Value.Folder);
        var path = PathOf(name);
        var part = path + ".part";
        try
        {
            await using (var stream = new FileStream(part, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
                await write(stream);
            File.Move(part, path, overwrite: true);
            return new FileInfo(path).Length;
        }
        finally
        {
            File.Delete(part);
        }
    }

    public Stream? OpenRead(string name)
    {
        var path = PathOf(name);
        return File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 1 << 16, useAsync: true) : null;
    }

    public void Delete(string name)
    {
        File.Delete(PathOf(name));
        // A part left by a node that died while writing it.
        File.Delete(PathOf(name) + ".part");
    }
}
