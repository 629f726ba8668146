using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Platform.Data;

/// <summary>Database engines the platform runs on.</summary>
public enum DatabaseProvider
{
    /// <summary>SQLite, embedded; the default (a file under <c>data/</c>).</summary>
    Sqlite,

    /// <summary>PostgreSQL.</summary>
    Postgres,

    /// <summary>Microsoft SQL Server / Azure SQL, the production target.</summary>
    SqlServer,
}

/// <summary>
/// The <c>Database</c> configuration section: which engine and where. Validated at start-up.
/// <code>
/// "Database": { "Provider": "Sqlite", "ConnectionString": "Data Source=data/platform.db" }
/// </code>
/// </summary>
public sealed class DatabaseOptions
{
    /// <summary>Name of the configuration section.</summary>
    public const string SectionName = "Database";

    /// <summary>Connection string used when the provider is SQLite and none is configured.</summary>
    public const string DefaultSqliteConnectionString = "Data Source=data/platform.db";

    /// <summary>
    /// Seconds to wait for a connection to PostgreSQL or SQL Server when the connection string names no timeout
    /// (<c>Timeout</c> / <c>Connect Timeout</c>); the drivers' own defaults (15 s) keep requests waiting on a server that
    /// is gone, while a reachable server connects in milliseconds.
    /// </summary>
    public const int DefaultConnectTimeoutSeconds = 5;

    /// <summary>
    /// Statements Npgsql prepares on each PostgreSQL connection once they repeat (<c>Max Auto Prepare</c>), unless the
    /// connection string names its own: the API sends the same few statements again and again, and a prepared one is
    /// not parsed and planned again (the lead intake's batch insert took half as long).
    /// </summary>
    public const int DefaultMaxAutoPrepare = 100;

    /// <summary>Engine: <c>Sqlite</c> (default), <c>Postgres</c> or <c>SqlServer</c> (case-insensitive).</summary>
    public string Provider { get; set; } = nameof(DatabaseProvider.Sqlite);

    /// <summary>
    /// Connection string. Optional for SQLite (default <see cref="DefaultSqliteConnectionString"/>);
    /// a relative SQLite file path is resolved against <see cref="ContentRoot"/>.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>Directory relative SQLite paths are resolved against: the host's content root, else the current directory.</summary>
    public string? ContentRoot { get; set; }

    /// <summary>The parsed <see cref="Provider"/>.</summary>
    /// <exception cref="InvalidOperationException">The provider name is not supported.</exception>
    public DatabaseProvider ProviderKind =>
        TryParseProvider(Provider, out var kind)
            ? kind
            : throw new InvalidOperationException(DatabaseOptionsValidator.UnknownProviderMessage(Provider));

    /// <summary>Parses a provider name (case-insensitive; <c>PostgreSQL</c> and <c>Npgsql</c> are accepted for Postgres).</summary>
    public static bool TryParseProvider(string? name, out DatabaseProvider provider)
    {
        switch (name?.Trim().ToLowerInvariant())
        {
            case "sqlite":
                provider = DatabaseProvider.Sqlite;
                return true;
            case "postgres" or "postgresql" or "npgsql":
                provider = DatabaseProvider.Postgres;
                return true;
            case "sqlserver" or "mssql":
                provider = DatabaseProvider.SqlServer;
                return true;
            default:
                provider = default;
                return false;
        }
    }

    /// <summary>
    /// The connection string to open: the configured one, or for SQLite the default, with a
    /// relative database file made absolute against <see cref="ContentRoot"/>; for a server, with a
    /// connect timeout of <see cref="DefaultConnectTimeoutSeconds"/> and, for PostgreSQL, automatic preparation of
    /// <see cref="DefaultMaxAutoPrepare"/> statements and no reset of pooled connections, unless it names its own.
    /// </summary>
    public string ResolveConnectionString()
    {
        if (ProviderKind != DatabaseProvider.Sqlite)
        {
            var configured = ConnectionString ?? throw new InvalidOperationException(
                $"{SectionName}:ConnectionString is required for the {Provider} provider.");
            return WithServerDefaults(configured);
        }

        var builder = new SqliteConnectionStringBuilder(
            string.IsNullOrWhiteSpace(ConnectionString) ? DefaultSqliteConnectionString : ConnectionString);
        if (IsFile(builder) && !Path.IsPathRooted(builder.DataSource))
        {
            var root = string.IsNullOrWhiteSpace(ContentRoot) ? Directory.GetCurrentDirectory() : ContentRoot;
            builder.DataSource = Path.GetFullPath(Path.Combine(root, builder.DataSource));
        }

        return builder.ToString();
    }

    private string WithServerDefaults(string connectionString)
    {
        var builder = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        if (!builder.ContainsKey("Timeout") && !builder.ContainsKey("Connect Timeout") && !builder.ContainsKey("Connection Timeout"))
        {
            // "Timeout" is Npgsql's keyword; SqlClient knows it as "Connect Timeout".
            builder[ProviderKind == DatabaseProvider.Postgres ? "Timeout" : "Connect Timeout"] = DefaultConnectTimeoutSeconds;
        }

        if (ProviderKind == DatabaseProvider.Postgres && !builder.ContainsKey("Max Auto Prepare"))
        {
            builder["Max Auto Prepare"] = DefaultMaxAutoPrepare;
        }

        // Npgsql's reset of a pooled connection costs the server five statements each time a context hands it back;
        // the API leaves no session state behind (no SET, LISTEN, temporary tables or session locks) to reset.
        if (ProviderKind == DatabaseProvider.Postgres && !builder.ContainsKey("No Reset On Close"))
        {
            builder["No Reset On Close"] = true;
        }

        return builder.ConnectionString;
    }

    /// <summary>Creates the directory of a SQLite database file if it does not exist (e.g. <c>data/</c>).</summary>
    internal static void EnsureSqliteDirectory(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (IsFile(builder) && Path.GetDirectoryName(Path.GetFullPath(builder.DataSource)) is { Length: > 0 } directory)
        {
            Directory.CreateDirectory(directory);
        }
    }

    private static bool IsFile(SqliteConnectionStringBuilder builder) =>
        !string.IsNullOrEmpty(builder.DataSource)
        && builder.DataSource != ":memory:"
        && builder.Mode != SqliteOpenMode.Memory
        && !builder.DataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads the <c>Database</c> section (and the host's <c>contentRoot</c>) into <paramref name="options"/>.</summary>
    internal static void Bind(IConfiguration configuration, DatabaseOptions options)
    {
        var section = configuration.GetSection(SectionName);
        if (section["Provider"] is { Length: > 0 } provider)
        {
            options.Provider = provider;
        }

        if (section["ConnectionString"] is { Length: > 0 } connectionString)
        {
            options.ConnectionString = connectionString;
        }

        options.ContentRoot = section["ContentRoot"] ?? configuration["contentRoot"] ?? options.ContentRoot;
    }
}

/// <summary>Start-up validation of <see cref="DatabaseOptions"/>.</summary>
internal sealed class DatabaseOptionsValidator : IValidateOptions<DatabaseOptions>
{
    public static string UnknownProviderMessage(string? provider) =>
        $"{DatabaseOptions.SectionName}:Provider '{provider}' is not supported. Use one of: Sqlite (default), Postgres, SqlServer.";

    public ValidateOptionsResult Validate(string? name, DatabaseOptions options)
    {
        if (!DatabaseOptions.TryParseProvider(options.Provider, out var provider))
        {
            return ValidateOptionsResult.Fail(UnknownProviderMessage(options.Provider));
        }

        if (provider != DatabaseProvider.Sqlite && string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Fail(
                $"{DatabaseOptions.SectionName}:ConnectionString is required when {DatabaseOptions.SectionName}:Provider is {provider}.");
        }

        try
        {
            var connectionString = options.ResolveConnectionString();
            _ = provider switch
            {
                DatabaseProvider.Postgres => new Npgsql.NpgsqlConnectionStringBuilder(connectionString).ConnectionString,
                DatabaseProvider.SqlServer => new Microsoft.Data.SqlClient.SqlConnectionStringBuilder(connectionString).ConnectionString,
                _ => connectionString,
            };
        }
        catch (ArgumentException e)
        {
            return ValidateOptionsResult.Fail($"{DatabaseOptions.SectionName}:ConnectionString is not valid for {provider}: {e.Message}");
        }

        return ValidateOptionsResult.Success;
    }
}
