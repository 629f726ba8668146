using Microsoft.EntityFrameworkCore;
using Platform.Api.Common;
using Platform.Data;
using Platform.Domain;
using Platform.Domain.Deals;
using Platform.GraphQL.Server.Mutations;

namespace Platform.Api.Deals;

/// <summary>
/// Deals through their pipeline: stage moves validated and recorded in the
/// stage history, the «Начало работ» gate (Q3), losing with who refused and why, and the
/// hand-off checklist. WON is only reached by paying the deal's order.
/// </summary>
public sealed class DealService(PlatformDbContext db, TimeProvider time, ICurrentActor actor)
{
    private DateTime Now => time.GetUtcNow().UtcDateTime;

    public async Task<DealPayload> CreateAsync(CreateDealInput input, long clientId, long? pipelineId, long? ownerId, CancellationToken ct)
    {
        var title = TextInputs.Clean(input.Title);
        var error = title is null ? new ValidationError("title", "`title` is required, e.g. \"Corporate website redesign\".")
            : input.Amount.Amount < 0 || !Currencies.IsWellFormed(input.Amount.Currency) ? new ValidationError("amount", "`amount` must be zero or more, with an ISO-4217 currency code such as EUR.")
            : input.ProposedPrice <= 0 ? new ValidationError("proposedPrice", "`proposedPrice` must be positive.")
            : db.Check<Deal>(nameof(Deal.Title), "title", title) ?? db.Check<Deal>(nameof(Deal.Requirements), "requirements", TextInputs.Clean(input.Requirements), freeText: true);
        if (error is not null)
            return DealPayload.Failed(error);
        if (!await db.ChangeableClients().AnyAsync(c => c.Id == clientId, ct))
            return DealPayload.Failed(new NotFoundError(input.ClientId, db.NotFoundMessage("client", input.ClientId)));
        ownerId = db.OwnerOfNew(ownerId);
        if (ownerId is { } owner && !await db.StaffUsers.AnyAsync(s => s.Id == owner, ct))
            return DealPayload.Failed(new NotFoundError(input.OwnerId!, $"No staff user has the ID \"{input.OwnerId}\"."));
        var pipeline = pipelineId is { } pid
            ? await db.Pipelines.SingleOrDefaultAsync(p => p.Id == pid, ct)
            : await db.Pipelines.Where(p => p.IsDefault).OrderBy(p => p.Id).FirstOrDefaultAsync(ct);
        if (pipeline is null)
            return DealPayload.Failed(new NotFoundError(input.PipelineId ?? "", $"No pipeline has the ID \"{input.PipelineId}\"."));
        var first = await db.PipelineStages.Where(s => s.PipelineId == pipeline.Id && !s.IsWon && !s.IsLost).OrderBy(s => s.Position).FirstAsync(ct);

        var deal = new Deal
        {
            ClientId = clientId,
            PipelineId = pipeline.Id,
            OwnerId = ownerId,
            Title = title!,
            Kind = input.Kind ?? DealKind.NewBusiness,
            AmountMinor = input.Amount.Amount,
            Currency = input.Amount.Currency,
            Requirements = TextInputs.Clean(input.Requirements),
            ProposedPriceMinor = input.ProposedPrice,
        };
        deal.EnterStage(first.Id, Now, actor.Name);
        db.Deals.Add(deal);
        await db.SaveChangesAsync(ct);
        return DealPayload.Ok(deal);
    }

    public async Task<DealPayload> MoveAsync(MoveDealInput input, long id, CancellationToken ct)
    {
        var deal = await db.ChangeableDeals().Include(d => d.Stage).SingleOrDefaultAsync(d => d.Id == id, ct);
        if (deal is null)
            return NotFound(input.DealId);
        if (db.Check<PipelineStage>(nameof(PipelineStage.Code), "stageCode", input.StageCode) is { } badCode)
            return DealPayload.Failed(badCode);
        var target = await db.PipelineStages.SingleOrDefaultAsync(s => s.PipelineId == deal.PipelineId && s.Code == input.StageCode, ct);
        if (target is null)
            return DealPayload.Failed(new ValidationError("stageCode", $"The deal's pipeline has no stage \"{input.StageCode}\"."));
        if (await ClosedAsync(deal, target.Code, ct) is { } closed)
            return DealPayload.Failed(closed);
        if (target.IsWon || target.IsLost)
        {
            return DealPayload.Failed(await TransitionAsync(deal, target.Code, target.IsWon
                ? "A deal is won when its order is paid (money received): record the payment instead."
                : "Use `loseDeal`, which records who refused and why.", ct));
        }
        if (target.Id == deal.StageId)
            return DealPayload.Failed(new ValidationError("stageCode", $"The deal is already in {target.Code}."));

        var requirements = TextInputs.Clean(input.Requirements) ?? deal.Requirements;
        var price = input.ProposedPrice ?? deal.ProposedPriceMinor;
        var error = input.ProposedPrice <= 0 ? new ValidationError("proposedPrice", "`proposedPrice` must be positive.")
            : target.RequiresAgreedTerms && requirements is null ? new ValidationError("requirements", $"{target.Code} needs agreed requirements («Начало работ», Q3): send `requirements`.")
            : target.RequiresAgreedTerms && price is null ? new ValidationError("proposedPrice", $"{target.Code} needs a proposed price («Начало работ», Q3): send `proposedPrice`.")
            : db.Check<Deal>(nameof(Deal.Requirements), "requirements", requirements, freeText: true);
        if (error is not null)
            return DealPayload.Failed(error);

        db.Expect(deal, input.ExpectedVersion);
        deal.Requirements = requirements;
        deal.ProposedPriceMinor = price;
        deal.MoveTo(target, Now, actor.Name);
        return await SaveAsync(deal, ct);
    }

    public async Task<DealPayload> LoseAsync(LoseDealInput input, long id, CancellationToken ct)
    {
        var deal = await db.ChangeableDeals().Include(d => d.Stage).SingleOrDefaultAsync(d => d.Id == id, ct);
        if (deal is null)
            return NotFound(input.DealId);
        if (await ClosedAsync(deal, PipelineStageCodes.Lost, ct) is { } closed)
            return DealPayload.Failed(closed);
        var reason = TextInputs.Clean(input.Reason);
        if ((reason is null ? new ValidationError("reason", "`reason` is required: why the deal was lost.") : db.Check<Deal>(nameof(Deal.LostReason), "reason", reason, freeText: true)) is { } error)
            return DealPayload.Failed(error);
        var lost = await db.PipelineStages.Where(s => s.PipelineId == deal.PipelineId && s.IsLost).OrderBy(s => s.Position).FirstAsync(ct);

        db.Expect(deal, input.ExpectedVersion);
        deal.Lose(lost, input.RefusedBy, reason!, Now, actor.Name);
        return await SaveAsync(deal, ct);
    }

    public async Task<DealPayload> CompleteHandoffStepAsync(CompleteHandoffStepInput input, long id, CancellationToken ct)
    {
        var deal = await db.ChangeableDeals().Include(d => d.Stage).SingleOrDefaultAsync(d => d.Id == id, ct);
        if (deal is null)
            return NotFound(input.DealId);
        if (!deal.Stage.RequiresAgreedTerms || deal.Stage.IsLost)
            return DealPayload.Failed(new ValidationError("dealId", $"The hand-off to production starts once the start of work is agreed; the deal is in {deal.Stage.Code}."));
        var steps = new[] { deal.HandoffIntroducedAt, deal.HandoffPlannerProjectAt, deal.HandoffDocumentsSharedAt, deal.HandoffToProjectManagerAt };
        var index = (int)input.Step;
        var manager = TextInputs.Clean(input.ProjectManager);
        IPayloadError? error = steps[index] is not null ? new ValidationError("step", $"Step {index + 1} of the hand-off is already done.")
            : index > 0 && steps[index - 1] is null ? new ValidationError("step", $"The hand-off steps are done in order: step {index} comes before step {index + 1}.")
            : input.Step == HandoffStep.HandedToProjectManager && manager is null ? new ValidationError("projectManager", "Name the project manager the project is handed to.")
            : db.Check<Deal>(nameof(Deal.HandoffProjectManager), "projectManager", manager);
        if (error is not null)
            return DealPayload.Failed(error);

        db.Expect(deal, input.ExpectedVersion);
        var now = Now;
        switch (input.Step)
        {
            case HandoffStep.Introduced: deal.HandoffIntroducedAt = now; break;
            case HandoffStep.PlannerProject: deal.HandoffPlannerProjectAt = now; break;
            case HandoffStep.DocumentsShared: deal.HandoffDocumentsSharedAt = now; break;
            default:
                deal.HandoffToProjectManagerAt = now;
                deal.HandoffProjectManager = manager;
                break;
        }
        return await SaveAsync(deal, ct);
    }

    /// <summary>A won or lost deal is terminal: nothing moves it any more.</summary>
    private async Task<TransitionNotAllowedError?> ClosedAsync(Deal deal, string to, CancellationToken ct) =>
        deal.IsClosed
            ? await TransitionAsync(deal, to, $"The deal is closed ({deal.Stage.Code}); a closed deal does not move.", ct)
            : null;

    private async Task<TransitionNotAllowedError> TransitionAsync(Deal deal, string to, string why, CancellationToken ct)
    {
        var open = deal.IsClosed
            ? []
            : await db.PipelineStages.Where(s => s.PipelineId == deal.PipelineId && !s.IsWon && !s.IsLost && s.Id != deal.StageId)
                .OrderBy(s => s.Position).Select(s => s.Code).ToListAsync(ct);
        return new TransitionNotAllowedError(deal.Stage.Code, to, open, $"The deal cannot move from {deal.Stage.Code} to {to}. {why}");
    }

    private DealPayload NotFound(string dealId) => DealPayload.Failed(new NotFoundError(dealId, db.NotFoundMessage("deal", dealId)));

    private async Task<DealPayload> SaveAsync(Deal deal, CancellationToken ct) =>
        await db.SaveOrConflictAsync(deal, ct) is { } conflict ? DealPayload.Failed(conflict) : DealPayload.Ok(deal);
}
