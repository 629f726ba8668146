using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Platform.Api.Tests.Webhooks;

/// <summary>A webhook receiver: real HTTP on a loopback port, recording every request and answering as told.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<ReceivedWebhook> _received = Channel.CreateUnbounded<ReceivedWebhook>();

    private WebhookReceiver(WebApplication app) => _app = app;

    /// <summary>Answers the next requests: a status code, or a task that never completes (a receiver that hangs).</summary>
    public ConcurrentQueue<int> Answers { get; } = new();

    /// <summary>What it answers once <see cref="Answers"/> is empty.</summary>
    public int DefaultAnswer { get; set; } = 200;

    /// <summary>The answer that makes it hang until it is disposed.</summary>
    public const int Hang = -1;

    public string Url { get; private set; } = "";

    /// <summary>Every request received so far, in order.</summary>
    public ConcurrentQueue<ReceivedWebhook> All { get; } = new();

    public static async Task<WebhookReceiver> StartAsync(int port = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel().UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/{**path}", (Delegate)receiver.HandleAsync);
        await app.StartAsync();
        receiver.Url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single() + "/hooks";
        return receiver;
    }

    private async Task<IResult> HandleAsync(HttpContext http)
    {
        var body = await new StreamReader(http.Request.Body).ReadToEndAsync();
        var answer = Answers.TryDequeue(out var next) ? next : DefaultAnswer;
        var received = new ReceivedWebhook(http.Request.Headers["webhook-id"].ToString(), http.Request.Headers["webhook-timestamp"].ToString(),
            http.Request.Headers["webhook-signature"].ToString(), body, answer);
        All.Enqueue(received);
        await _received.Writer.WriteAsync(received);
        if (answer == Hang)
            await Task.Delay(Timeout.Infinite, http.RequestAborted);
        return Results.StatusCode(answer);
    }

    /// <summary>The next request (waits for it, at most 30 s).</summary>
    public async Task<ReceivedWebhook> NextAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await _received.Reader.ReadAsync(timeout.Token);
    }

    /// <summary>The requests received and not yet taken by <see cref="NextAsync"/>.</summary>
    public List<ReceivedWebhook> Drain()
    {
        var list = new List<ReceivedWebhook>();
        while (_received.Reader.TryRead(out var item))
            list.Add(item);
        return list;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

/// <summary>One request a <see cref="WebhookReceiver"/> got, with the status it answered.</summary>
public sealed record ReceivedWebhook(string Id, string Timestamp, string Signature, string Body, int Answer)
{
    /// <summary>The Standard Webhooks headers, as a verifier takes them.</summary>
    public HeaderDictionary Headers => new()
    {
        ["webhook-id"] = Id,
        ["webhook-timestamp"] = Timestamp,
        ["webhook-signature"] = Signature,
    };

    public System.Text.Json.JsonElement Json => System.Text.Json.JsonDocument.Parse(Body).RootElement;
}
