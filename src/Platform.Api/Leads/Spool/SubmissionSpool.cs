using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Platform.Api.Leads.Spool;

/// <summary>
/// A durable first-in, first-out store of submissions this node accepted but could not write to the database (and the
/// landing keys it knows, for a restart during an outage), in a local SQLite file (<see cref="SpoolOptions.Path"/>; WAL journal, <c>synchronous=FULL</c>): an entry is committed to
/// disk before <see cref="TryEnqueueAsync"/> returns, so it survives the process being killed. The payload is opaque
/// JSON. One connection, one operation at a time. The depth is logged when it leaves zero, fills up and comes back to zero.
/// </summary>
public sealed class SubmissionSpool : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly int _maxEntries;
    private readonly ILogger<SubmissionSpool> _logger;
    private int _depth;
    private bool _fullReported;
    private TaskCompletionSource _empty = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public SubmissionSpool(IOptions<SpoolOptions> options, IHostEnvironment environment, ILogger<SubmissionSpool> logger)
    {
        _logger = logger;
        _maxEntries = options.Value.MaxEntries;
        FilePath = options.Value.FullPath(environment.ContentRootPath);
        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = FilePath, Pooling = false }.ToString());
        _connection.Open();
        Execute("""
            PRAGMA journal_mode = WAL;
            PRAGMA synchronous = FULL;
            CREATE TABLE IF NOT EXISTS spool (
                sequence INTEGER PRIMARY KEY AUTOINCREMENT,
                receipt_id TEXT NOT NULL UNIQUE,
                payload TEXT NOT NULL,
                queued_at TEXT NOT NULL
            );
            CREATE TABLE IF NOT EXISTS landing_keys (
                key TEXT PRIMARY KEY,
                state TEXT NOT NULL
            );
            """);
        using var count = _connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM spool";
        _depth = Convert.ToInt32(count.ExecuteScalar(), CultureInfo.InvariantCulture);
        if (_depth > 0)
            _logger.LogWarning("The lead spool {Path} holds {Depth} submissions not yet written to the database.", FilePath, _depth);
        else
            _empty.SetResult();
    }

    /// <summary>The spool's file.</summary>
    public string FilePath { get; }

    /// <summary>Entries held now.</summary>
    public int Depth => Volatile.Read(ref _depth);

    /// <summary>Completes when the spool holds nothing (at once if it is empty now).</summary>
    public Task WhenEmptyAsync()
    {
        _gate.Wait();
        try
        {
            return _empty.Task;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Stores a submission durably and returns its entry; null when the spool holds <see cref="SpoolOptions.MaxEntries"/>
    /// already. A <paramref name="receiptId"/> spooled before returns the entry stored then (a retry stores nothing new).
    /// <paramref name="queuedAt"/> is taken as UTC unless its kind says local.
    /// </summary>
    public async Task<SpooledEntry?> TryEnqueueAsync(Guid receiptId, string payloadJson, DateTime queuedAt, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(payloadJson);
        var utc = queuedAt.Kind == DateTimeKind.Local ? queuedAt.ToUniversalTime() : DateTime.SpecifyKind(queuedAt, DateTimeKind.Utc);
        await _gate.WaitAsync(ct);
        try
        {
            if (await FindAsync(receiptId, ct) is { } existing)
                return existing;
            if (_depth >= _maxEntries)
            {
                if (!_fullReported)
                    _logger.LogError("The lead spool {Path} is full ({MaxEntries} submissions); refusing more.", FilePath, _maxEntries);
                _fullReported = true;
                return null;
            }

            await using var insert = _connection.CreateCommand();
            insert.CommandText = "INSERT INTO spool (receipt_id, payload, queued_at) VALUES ($receipt, $payload, $queuedAt) RETURNING sequence";
            insert.Parameters.AddWithValue("$receipt", receiptId.ToString("D"));
            insert.Parameters.AddWithValue("$payload", payloadJson);
            insert.Parameters.AddWithValue("$queuedAt", utc.ToString("O", CultureInfo.InvariantCulture));
            // Autocommit: the statement is on disk (WAL, synchronous=FULL) once it returns.
            var sequence = Convert.ToInt64(await insert.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
            if (++_depth == 1)
            {
                _empty = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _logger.LogWarning("Submissions are being spooled to {Path} (depth 1).", FilePath);
            }
            return new SpooledEntry(sequence, receiptId, payloadJson, utc);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Up to <paramref name="max"/> entries, oldest first (insertion order), left in the spool.</summary>
    public async Task<IReadOnlyList<SpooledEntry>> PeekAsync(int max, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        await _gate.WaitAsync(ct);
        try
        {
            await using var select = _connection.CreateCommand();
            select.CommandText = "SELECT sequence, receipt_id, payload, queued_at FROM spool ORDER BY sequence LIMIT $max";
            select.Parameters.AddWithValue("$max", max);
            var entries = new List<SpooledEntry>();
            await using var reader = await select.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                entries.Add(Read(reader));
            return entries;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Removes the entry of <paramref name="receiptId"/> (once it is written to the database); nothing if there is none.</summary>
    public async Task RemoveAsync(Guid receiptId, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            await using var delete = _connection.CreateCommand();
            delete.CommandText = "DELETE FROM spool WHERE receipt_id = $receipt";
            delete.Parameters.AddWithValue("$receipt", receiptId.ToString("D"));
            if (await delete.ExecuteNonQueryAsync(ct) == 0)
                return;
            _fullReported = false;
            if (--_depth == 0)
            {
                _logger.LogInformation("The lead spool {Path} is empty again.", FilePath);
                _empty.TrySetResult();
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// The landing keys the node knew, as saved by <see cref="SaveLandingKey"/>: what a node restarted during an outage
    /// checks forms against.
    /// </summary>
    public IReadOnlyList<string> LandingKeys()
    {
        _gate.Wait();
        try
        {
            using var select = _connection.CreateCommand();
            select.CommandText = "SELECT state FROM landing_keys";
            var states = new List<string>();
            using var reader = select.ExecuteReader();
            while (reader.Read())
                states.Add(reader.GetString(0));
            return states;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Saves the state of landing key <paramref name="key"/> (JSON), or forgets it when <paramref name="state"/> is null.</summary>
    public void SaveLandingKey(string key, string? state)
    {
        _gate.Wait();
        try
        {
            using var command = _connection.CreateCommand();
            command.CommandText = state is null
                ? "DELETE FROM landing_keys WHERE key = $key"
                : "INSERT INTO landing_keys (key, state) VALUES ($key, $state) ON CONFLICT (key) DO UPDATE SET state = excluded.state";
            command.Parameters.AddWithValue("$key", key);
            if (state is not null)
                command.Parameters.AddWithValue("$state", state);
            command.ExecuteNonQuery();
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        _connection.Dispose();
        _gate.Dispose();
    }

    private async Task<SpooledEntry?> FindAsync(Guid receiptId, CancellationToken ct)
    {
        await using var select = _connection.CreateCommand();
        select.CommandText = "SELECT sequence, receipt_id, payload, queued_at FROM spool WHERE receipt_id = $receipt";
        select.Parameters.AddWithValue("$receipt", receiptId.ToString("D"));
        await using var reader = await select.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? Read(reader) : null;
    }

    private static SpooledEntry Read(SqliteDataReader reader) => new(
        reader.GetInt64(0),
        Guid.Parse(reader.GetString(1)),
        reader.GetString(2),
        DateTime.Parse(reader.GetString(3), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind));

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
