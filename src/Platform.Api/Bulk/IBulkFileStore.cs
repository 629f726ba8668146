namespace Platform.Api.Bulk;

/// <summary>Where bulk files are kept: a folder by default (<see cref="FolderFileStore"/>); object storage can take its place.</summary>
public interface IBulkFileStore
{
    /// <summary>
    /// Writes the file <paramref name="name"/> through <paramref name="write"/> and returns its size in bytes. The file
    /// appears only once written whole: when <paramref name="write"/> throws, nothing is left under the name.
    /// </summary>
    Task<long> WriteAsync(string name, Func<Stream, Task> write, CancellationToken ct);

    /// <summary>The file to read, or null when there is none.</summary>
    Stream? OpenRead(string name);

    /// <summary>Deletes the file; nothing happens when there is none.</summary>
    void Delete(string name);
}
