using System.Diagnostics.Metrics;

namespace Platform.Benchmarks;

/// <summary>
/// Reads EF Core's cumulative <c>compiled_query_cache_misses</c> counter: a miss means a LINQ query
/// was translated and compiled again, which is costly when it happens on every request.
/// </summary>
internal sealed class EfQueryCacheMisses : IDisposable
{
    private const string Instrument = "microsoft.entityframeworkcore.compiled_query_cache_misses";
    private readonly MeterListener _listener = new();
    private long _value;

    public EfQueryCacheMisses()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "Microsoft.EntityFrameworkCore" && instrument.Name == Instrument)
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Exchange(ref _value, value));
        _listener.SetMeasurementEventCallback<int>((_, value, _, _) => Interlocked.Exchange(ref _value, value));
        _listener.Start();
    }

    /// <summary>Misses since the process started.</summary>
    public long Count
    {
        get
        {
            _listener.RecordObservableInstruments();
            return Interlocked.Read(ref _value);
        }
    }

    public void Dispose() => _listener.Dispose();
}
