using Microsoft.Extensions.DependencyInjection;
using Platform.Data;
using Platform.Domain.Clients;
using Platform.Domain.Deals;
using Platform.Domain.Orders;
using Platform.GraphQL.Server.Relay;

namespace Platform.Api.Tests.Infrastructure;

/// <summary>A past order to arrange: when placed (and, if paid, paid the same moment), its gross amount and state.</summary>
public sealed record PastOrder(DateTime PlacedAt, long GrossMinor, OrderStatus Status = OrderStatus.Paid);

/// <summary>Arranges clients with order histories and deals straight in the database.</summary>
public static class SalesArrange
{
    /// <summary>A new client with the given past orders; returns its global ID.</summary>
    public static async Task<string> ClientAsync(this ApiHost api, params PastOrder[] orders)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var client = new Client { Name = $"Test client {Guid.NewGuid():N}", Kind = ClientKind.Company };
        var number = 0;
        foreach (var order in orders)
        {
            var paid = order.Status is OrderStatus.Paid or OrderStatus.Refunded;
            client.Orders.Add(new Order
            {
                Number = ++number,
                GrossAmountMinor = order.GrossMinor,
                NetAmountMinor = order.GrossMinor,
                PaymentMode = PaymentMode.Single,
                Status = order.Status,
                PlacedAt = order.PlacedAt,
                PaidAt = paid ? order.PlacedAt : null,
                Payments = paid ? [new Payment { AmountMinor = order.GrossMinor, PaidAt = order.PlacedAt, Kind = PaymentKind.Payment }] : [],
            });
        }
        db.Clients.Add(client);
        await db.SaveChangesAsync();
        return GlobalId.Encode("Client", client.Id);
    }

    /// <summary>A new deal of the client in the default pipeline's stage <paramref name="stageCode"/>; returns its global ID.</summary>
    public static async Task<string> DealAsync(this ApiHost api, string clientId, string stageCode)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var deal = new Deal
        {
            ClientId = GlobalId.TryDecode(clientId, "Client")!.Value,
            PipelineId = DefaultPipeline.PipelineId,
            StageId = DefaultPipeline.StageId(stageCode),
            Title = "Test deal",
            AmountMinor = 150000,
            Requirements = "Agreed",
            ProposedPriceMinor = 150000,
        };
        db.Deals.Add(deal);
        await db.SaveChangesAsync();
        return GlobalId.Encode("Deal", deal.Id);
    }
}
