namespace Platform.Data;

/// <summary>What a client adds to the revenue of one bucket, currency and dimension value (or, negated, takes away).</summary>
internal readonly record struct RevenueFigures(int Orders, long Net, int Clients, int RepeatClients)
{
    public bool IsZero => Orders == 0 && Net == 0 && Clients == 0 && RepeatClients == 0;

    /// <summary>A client's <paramref name="orders"/> and <paramref name="net"/> in one bucket, times <paramref name="sign"/>.</summary>
    public static RevenueFigures Of(int orders, long net, int sign) =>
        new(sign * orders, sign * net, orders > 0 ? sign : 0, orders >= 2 ? sign : 0);

    public static RevenueFigures operator +(RevenueFigures a, RevenueFigures b) =>
        new(a.Orders + b.Orders, a.Net + b.Net, a.Clients + b.Clients, a.RepeatClients + b.RepeatClients);
}
