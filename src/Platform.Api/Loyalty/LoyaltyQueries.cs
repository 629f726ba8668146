using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Platform.Api.Common;
using Platform.Domain.Clients;
using Platform.Domain.Orders;

namespace Platform.Api.Loyalty;

/// <summary>The loyalty fields of the root query.</summary>
public static class LoyaltyQueries
{
    public static void AddLoyaltyQueries(this ObjectGraphType query)
    {
        query.Field<DiscountQuoteType>("discountQuote")
            .Description("The loyalty discount a new order of `amount` would get from the client, with every rule's verdict; null when no client has the ID. Nothing is stored.")
            .Argument<NonNullGraphType<IdGraphType>>("clientId", "The client's global ID.")
            .Argument<NonNullGraphType<MoneyInputType>>("amount", "The order's gross amount, before discounts.")
            .Argument<NonNullGraphType<EnumerationGraphType<PaymentMode>>>("paymentMode", "Single payment or installments.")
            .ResolveAsync(async context =>
            {
                var id = GlobalIds.Decode<Client>(context.GetArgument<string>("clientId"), "clientId");
                var amount = context.GetArgument<MoneyInput>("amount").ToMoney();
                var pricing = context.RequestServices!.GetRequiredService<OrderPricing>();
                if (pricing.Problem(amount, "amount") is { } problem)
                    throw new ExecutionError(problem.Message) { Code = "INVALID_AMOUNT" };
                if (!await context.Db().Clients.AnyAsync(c => c.Id == id, context.CancellationToken))
                    return null;
                return await pricing.QuoteAsync(id, amount, context.GetArgument<PaymentMode>("paymentMode"), context.CancellationToken);
            });
    }
}
