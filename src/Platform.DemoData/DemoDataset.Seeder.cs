using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Data;
using Platform.Domain;
using Platform.Domain.Auditing;
using Platform.Domain.Clients;
using Platform.Domain.Deals;
using Platform.Domain.Kpis;
using Platform.Domain.Leads;
using Platform.Domain.Orders;
using Platform.Domain.Referrals;
using Platform.Domain.Staff;

namespace Platform.DemoData;

public static partial class DemoDataset
{
    /// <summary>Everything generated for one lead, linked up across the chunk's save phases.</summary>
    private sealed class LeadPlan(Lead lead)
    {
        public Lead Lead { get; } = lead;
        public Client? Client { get; set; }
        public Deal? Deal { get; set; }
        public List<Order> Orders { get; } = [];
        public Referral? Referral { get; set; }
        public Reward? Reward { get; set; }
        public Order? RewardOrder { get; set; }
        public List<Interest> Interests { get; } = [];
    }

    private sealed class Seeder(PlatformDbContext db, DateTime now, Random random)
    {
        private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

        private readonly DateTime _start = now.AddDays(-365);
        private readonly Dictionary<(int Year, int Month, string Channel, string? LandingPage), int> _leadsPerMonth = [];
        private Dictionary<string, long> _stages = [];
        private StaffUser[] _generation = [];
        private StaffUser[] _conversion = [];
        private StaffUser _farmer = null!;
        private StaffUser _head = null!;
        private Partner[] _partners = [];
        private ReferralCode[][] _codes = [];
        private ReferralProgram _program = null!;
        private int _chunk;
        private int _documentNumber;

        public async Task RunAsync(int leadCount, CancellationToken ct)
        {
            _stages = await db.PipelineStages.AsNoTracking()
                .Where(s => s.PipelineId == DefaultPipeline.PipelineId)
                .ToDictionaryAsync(s => s.Code, s => s.Id, ct).ConfigureAwait(false);
            if (PipelineStageCodes.Default.Any(code => !_stages.ContainsKey(code)))
            {
                throw new InvalidOperationException("The default pipeline is missing or incomplete: migrate the database before seeding demo data.");
            }

            await SeedTeamAndPartnersAsync(ct).ConfigureAwait(false);
            for (var first = 0; first < leadCount; first += ChunkSize)
            {
                await SeedChunkAsync(first, Math.Min(ChunkSize, leadCount - first), leadCount, ct).ConfigureAwait(false);
                _chunk++;
            }

            SeedPlansAndSpend(leadCount);
            db.AuditLog.Add(new AuditLogEntry
            {
                At = now,
                Actor = Actor,
                Operation = "seedDemoData",
                TargetIds = "",
                Details = JsonSerializer.Serialize(new { leads = leadCount, seed = RandomSeed }, Json),
            });
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            db.ChangeTracker.Clear();
        }

        // ---------------------------------------------------------------- team, partners, program

        private async Task SeedTeamAndPartnersAsync(CancellationToken ct)
        {
            var teamSince = _start.AddDays(-30);
            var staff = Team.Select(t => Stamp(new StaffUser
            {
                Name = t.Name,
                Email = t.Email,
                SalesRole = t.Role,
                SkillRank = t.Rank,
                HasSalesScripts = t.Scripts,
                IsAvailable = t.Available,
                IsActive = true,
            }, teamSince)).ToArray();
            db.StaffUsers.AddRange(staff);

            var since = _start.AddDays(-20);
            _partners =
            [
                Stamp(new Partner { Name = "Bright Ads Agency", Type = PartnerType.AdAgency, Regions = "Moscow,Saint Petersburg", ContactEmail = "partners@brightads.example.com", ApiClientId = "partner-bright-ads" }, since),
                Stamp(new Partner { Name = "Nord Systems Integration", Type = PartnerType.SystemIntegrator, Regions = "Saint Petersburg,Novosibirsk,Yekaterinburg", ContactEmail = "alliances@nordsi.example.com", ApiClientId = "partner-nord-si" }, since),
                Stamp(new Partner { Name = "Danube Dealer Network", Type = PartnerType.Dealer, Regions = "Chisinau,Balti,Bucharest,Cluj-Napoca", ContactEmail = "dealers@danube.example.com", ApiClientId = "partner-danube-dealers" }, since),
            ];
            db.Partners.AddRange(_partners);

            _program = Stamp(new ReferralProgram
            {
                Name = "Agency partner program",
                Description = "10 % of the referred client's first paid order, up to 500 EUR per referral; paid after a 30-day holding period.",
                RewardType = RewardType.PercentOfSale,
                RewardValue = 1000,
                Currency = Currencies.Eur,
                AttributionWindowDays = 90,
                HoldingPeriodDays = 30,
                CapPerReferralMinor = 500_00,
                ActiveFrom = since,
                IsActive = true,
            }, since);
            db.ReferralPrograms.Add(_program);
            db.ReferralPrograms.Add(Stamp(new ReferralProgram
            {
                Name = "Refer a friend",
                Description = "A 5 % discount on your next order for every friend who becomes a paying client.",
                RewardType = RewardType.Discount,
                RewardValue = 500,
                Currency = Currencies.Eur,
                ActiveFrom = since,
                IsActive = true,
            }, since));

            await db.SaveChangesAsync(ct).ConfigureAwait(false);

            // Two codes per partner; the launch code expired after four months.
            string[] prefixes = ["BRIGHT", "NORDSI", "DANUBE"];
            _codes = _partners.Select((partner, p) => new[]
            {
                Stamp(new ReferralCode { Code = $"{prefixes[p]}-10", ProgramId = _program.Id, PartnerId = partner.Id }, since),
                Stamp(new ReferralCode { Code = $"{prefixes[p]}-LAUNCH", ProgramId = _program.Id, PartnerId = partner.Id, ExpiresAt = _start.AddDays(120) }, since),
            }).ToArray();
            db.ReferralCodes.AddRange(_codes.SelectMany(c => c));
            // The key examples/landing-page/index.html posts with.
            db.LandingKeys.Add(Stamp(new LandingKey
            {
                Key = DemoLandingKey,
                Name = "Website redesign landing",
                LandingPageCode = "website-redesign",
                AllowedOrigins = "http://localhost:8080,null",
            }, since));
            await db.SaveChangesAsync(ct).ConfigureAwait(false);

            _generation = staff.Where(s => s.SalesRole == SalesRole.Generation).ToArray();
            _conversion = staff.Where(s => s.SalesRole == SalesRole.Conversion).ToArray();
            _farmer = staff.Single(s => s.SalesRole == SalesRole.Farmer);
            _head = staff.Single(s => s.SalesRole == SalesRole.Head);
        }

        // ---------------------------------------------------------------- one chunk of leads

        private async Task SeedChunkAsync(int first, int count, int total, CancellationToken ct)
        {
            var plans = new List<LeadPlan>(count);
            for (var i = first; i < first + count; i++)
            {
                plans.Add(GenerateLead(i, total));
            }

            PlanPayouts(plans, out var payouts);

            // 1. leads with their activities
            db.Leads.AddRange(plans.Select(p => p.Lead));
            await db.SaveChangesAsync(ct).ConfigureAwait(false);

            // 2. clients with contacts (they point back at their lead, C3)
            foreach (var plan in plans.Where(p => p.Client is not null))
            {
                plan.Client!.OriginLeadId = plan.Lead.Id;
                plan.Client.Contacts.First().OriginLeadId = plan.Lead.Id; // the lead's own person

                db.Clients.Add(plan.Client);
            }

            await db.SaveChangesAsync(ct).ConfigureAwait(false);

            // 3. lead → client links, deals with stage history, referrals, interests
            foreach (var plan in plans)
            {
                if (plan.Client is { } client)
                {
                    // Through the entry: automatic change detection is off while seeding.
                    var entry = db.Entry(plan.Lead);
                    entry.Property(l => l.ConvertedClientId).CurrentValue = client.Id;
                    entry.Property(l => l.UpdatedAt).IsModified = true; // keep the lead's own last-change time
                }

                if (plan.Deal is { } deal)
                {
                    deal.ClientId = plan.Client!.Id;
                    deal.LeadId = plan.Lead.Id;
                    db.Deals.Add(deal);
                }

                if (plan.Referral is { } referral)
                {
                    referral.LeadId = plan.Lead.Id;
                    referral.ClientId = plan.Client?.Id;
                    db.Referrals.Add(referral);
                }

                foreach (var interest in plan.Interests)
                {
                    interest.LeadId = plan.Lead.Id;
                }

                db.Interests.AddRange(plan.Interests);
            }

            AddUnlinkedInterests(count);
            await db.SaveChangesAsync(ct).ConfigureAwait(false);

            // 4. orders with payments, payouts
            foreach (var plan in plans)
            {
                foreach (var order in plan.Orders)
                {
                    order.ClientId = plan.Client!.Id;
                }

                if (plan.Orders.Count > 0 && plan.Deal is { } deal)
                {
                    plan.Orders[0].DealId = deal.Id;
                }

                db.Orders.AddRange(plan.Orders);
            }

            db.Payouts.AddRange(payouts.Values.Select(p => p.Payout));
            await db.SaveChangesAsync(ct).ConfigureAwait(false);

            // 5. rewards
            foreach (var plan in plans.Where(p => p.Reward is not null))
            {
                var reward = plan.Reward!;
                reward.ReferralId = plan.Referral!.Id;
                reward.OrderId = plan.RewardOrder?.Id;
                if (reward.Status == RewardStatus.Paid)
                {
                    reward.PayoutId = payouts[plan.Referral.PartnerId!.Value].Payout.Id;
                }

                db.Rewards.Add(reward);
            }

            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            db.ChangeTracker.Clear();
        }

        private LeadPlan GenerateLead(int index, int total)
        {
            var span = now.AddMinutes(-5) - _start;
            var createdAt = Sec(_start + span * ((index + random.NextDouble()) / total));
            var channel = Weighted(Channels);
            var origin = channel switch
            {
                LeadChannels.Recommendation or LeadChannels.Partner => LeadOrigin.Seed,
                LeadChannels.ColdCall or LeadChannels.Exhibition => LeadOrigin.Spear,
                _ => LeadOrigin.Net,
            };
            var requestType = channel switch
            {
                LeadChannels.LandingPage => Weighted([(RequestType.Consultation, 40), (RequestType.OnlineEstimate, 25), (RequestType.DemoDownload, 25), (RequestType.Callback, 10)]),
                LeadChannels.Website or LeadChannels.ContextualAds or LeadChannels.Social =>
                    Weighted([(RequestType.Consultation, 45), (RequestType.Callback, 30), (RequestType.DirectCall, 15), (RequestType.DemoDownload, 10)]),
                LeadChannels.Webinar => RequestType.DemoDownload,
                LeadChannels.EmailCampaign => Weighted([(RequestType.Consultation, 60), (RequestType.DemoDownload, 40)]),
                LeadChannels.Recommendation or LeadChannels.Partner => Weighted([(RequestType.DirectCall, 40), (RequestType.Consultation, 40), (RequestType.Other, 20)]),
                _ => RequestType.Other,
            };
            var temperature = channel switch
            {
                LeadChannels.LandingPage => random.NextDouble() < 0.85 ? LeadTemperature.Warm : LeadTemperature.Hot, // L5
                LeadChannels.ColdCall => LeadTemperature.Cold,
                LeadChannels.Recommendation or LeadChannels.Partner => random.NextDouble() < 0.4 ? LeadTemperature.Hot : LeadTemperature.Warm,
                _ => Weighted([(LeadTemperature.Cold, 35), (LeadTemperature.Warm, 50), (LeadTemperature.Hot, 15)]),
            };

            var firstName = Pick(FirstNames);
            var lastName = Pick(LastNames);
            var isB2B = origin == LeadOrigin.Spear || channel == LeadChannels.Partner || random.NextDouble() < 0.75;
            var suffix = Pick(CompanySuffixes);
            var company = isB2B ? $"{Pick(CompanyPrefixes)} {suffix.Suffix}" : null;
            var position = isB2B ? Pick(Positions) : default;
            var region = Pick(Regions);
            var domain = company is null ? "mail.example.com" : Slug(company) + ".example.com";
            var hasPhone = random.NextDouble() < 0.95;
            var hasEmail = !hasPhone || random.NextDouble() < 0.8;
            var landingPage = channel == LeadChannels.LandingPage ? Pick(LandingPages) : null;

            var lead = Stamp(new Lead
            {
                FirstName = firstName,
                LastName = random.NextDouble() < 0.7 ? lastName : null,
                Phone = hasPhone ? PhoneNumber() : null,
                Email = hasEmail ? $"{firstName}.{lastName}{random.Next(1, 100)}@{domain}".ToLowerInvariant() : null,
                Company = company,
                Position = company is null ? null : position.Title,
                PositionGroup = company is null || random.NextDouble() < 0.3 ? null : position.Group,
                Region = region,
                Message = origin == LeadOrigin.Spear ? null : Pick(Messages),
                RequestType = requestType,
                EstimateParameters = requestType == RequestType.OnlineEstimate ? EstimateJson() : null,
                Channel = channel,
                LandingPage = landingPage,
                Temperature = temperature,
                Origin = origin,
                Status = LeadStatus.New,
            }, createdAt);
            AddSource(lead, index);
            Count(createdAt, channel, landingPage);

            var plan = new LeadPlan(lead);
            if (origin != LeadOrigin.Spear && random.NextDouble() < 0.08)
            {
                var seenAt = Sec(createdAt.AddHours(-random.Next(1, 72)));
                plan.Interests.Add(Stamp(new Interest
                {
                    Channel = channel,
                    LandingPage = landingPage,
                    PageUrl = lead.PageUrl,
                    Referrer = lead.Referrer,
                    VisitorId = $"v-{index:D7}",
                    Payload = JsonSerializer.Serialize(new { action = "viewedPricing" }, Json),
                    OccurredAt = seenAt,
                }, seenAt));
            }

            Lifecycle(plan);
            return plan;
        }

        private void AddSource(Lead lead, int index)
        {
            switch (lead.Channel)
            {
                case LeadChannels.LandingPage:
                    lead.PageUrl = $"https://example.com/{lead.LandingPage}";
                    lead.SubmissionSource = $"landing:{lead.LandingPage}";
                    lead.IdempotencyKey = $"demo-{index:D7}";
                    lead.Referrer = Pick(["https://www.google.com/", "https://yandex.ru/", "https://www.facebook.com/", null]);
                    (lead.UtmSource, lead.UtmMedium) = Pick([("google", "cpc"), ("yandex", "cpc"), ("facebook", "social"), ("newsletter", "email")]);
                    lead.UtmCampaign = Pick(["website-redesign", "online-store-spring", "crm-demo", "seo-audit"]);
                    lead.UtmContent = Pick(["banner-a", "banner-b", "text-ad", null]);
                    lead.UtmTerm = lead.UtmMedium == "cpc" ? Pick(["website development", "online store price", "crm integration", "seo agency"]) : null;
                    break;
                case LeadChannels.ContextualAds:
                    lead.PageUrl = "https://example.com/services";
                    (lead.UtmSource, lead.UtmMedium) = Pick([("google", "cpc"), ("yandex", "cpc")]);
                    lead.UtmCampaign = Pick(["brand", "services-generic", "retargeting"]);
                    lead.UtmTerm = Pick(["web studio", "website development", "online store"]);
                    lead.Referrer = lead.UtmSource == "google" ? "https://www.google.com/" : "https://yandex.ru/";
                    break;
                case LeadChannels.Social:
                    lead.PageUrl = "https://example.com/contact";
                    (lead.UtmSource, lead.UtmMedium) = Pick([("facebook", "social"), ("vk", "social"), ("youtube", "video")]);
                    lead.UtmCampaign = "smm-always-on";
                    break;
                case LeadChannels.EmailCampaign:
                    lead.PageUrl = "https://example.com/newsletter";
                    (lead.UtmSource, lead.UtmMedium) = ("newsletter", "email");
                    lead.UtmCampaign = $"digest-{lead.CreatedAt:yyyy-MM}";
                    break;
                case LeadChannels.Website or LeadChannels.Webinar:
                    lead.PageUrl = lead.Channel == LeadChannels.Webinar ? "https://example.com/webinars" : "https://example.com/contact";
                    lead.SubmissionSource = "website";
                    lead.IdempotencyKey = $"demo-{index:D7}";
                    break;
            }

            if (lead.Origin == LeadOrigin.Net && random.NextDouble() < 0.6)
            {
                lead.MarketingConsent = true;
                lead.ConsentText = "I agree to receive news and offers by e-mail. I can unsubscribe at any time.";
                lead.ConsentAt = lead.CreatedAt;
            }

            if (lead.Channel == LeadChannels.Partner)
            {
                var p = random.Next(_partners.Length);
                var partner = _partners[p];
                var usable = _codes[p].Where(c => c.ExpiresAt is null || c.ExpiresAt > lead.CreatedAt).ToArray();
                var code = usable.Length > 0 && random.NextDouble() < 0.7 ? usable[random.Next(usable.Length)] : null;
                lead.PartnerId = partner.Id;
                lead.ReferralCodeId = code?.Id;
                lead.SubmissionSource = $"partner:{partner.ApiClientId}";
                lead.IdempotencyKey = $"demo-{index:D7}";
            }
        }

        /// <summary>Moves the lead through its lifecycle up to a status that fits its age, with activities.</summary>
        private void Lifecycle(LeadPlan plan)
        {
            var lead = plan.Lead;
            var created = lead.CreatedAt;
            var ageDays = (now - created).TotalDays;
            var status = ageDays < 3
                ? Weighted([(LeadStatus.New, 40), (LeadStatus.Assigned, 30), (LeadStatus.InProgress, 25), (LeadStatus.Qualified, 5)])
                : Weighted([(LeadStatus.Converted, 23), (LeadStatus.Refused, 20), (LeadStatus.Postponed, 8), (LeadStatus.Qualified, 9),
                    (LeadStatus.InProgress, 25), (LeadStatus.Assigned, 10), (LeadStatus.New, 5)]);
            if (ageDays > 60 && status is LeadStatus.New or LeadStatus.Assigned)
            {
                status = LeadStatus.InProgress; // nobody leaves a lead untouched for months
            }

            var activities = new List<Activity>();
            var inbound = lead.Origin != LeadOrigin.Spear;
            if (inbound)
            {
                lead.FirstResponseDueAt = created.AddHours(lead.RequestType == RequestType.DemoDownload ? 2 : 1); // T1, T2
                activities.Add(Act(lead, ActivityType.FormSubmission, ActivityDirection.Inbound, created, owner: null,
                    subject: $"{lead.RequestType} request", result: lead.Message));
            }

            var last = created;
            if (status == LeadStatus.New)
            {
                Finish(plan, activities, last);
                return;
            }

            var owner = lead.Temperature == LeadTemperature.Cold || lead.Origin == LeadOrigin.Spear
                ? _generation[random.Next(_generation.Length)]
                : Weighted([(_conversion[0], 50), (_conversion[1], 35), (_conversion[2], 15)]); // best managers get warm leads
            var assignedAt = last = After(created, TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(30));
            lead.Assign(owner.Id, assignedAt);

            if (lead.RequestType == RequestType.OnlineEstimate)
            {
                // L9: an online estimate creates a task to book a meeting, never an automatic proposal.
                activities.Add(Act(lead, ActivityType.Task, ActivityDirection.Outbound, created.AddMinutes(1), owner,
                    subject: "Book a meeting to discuss the online estimate", scheduledAt: lead.FirstResponseDueAt));
            }

            if (status == LeadStatus.Assigned)
            {
                lead.NextContactAt = Sec(now.AddHours(random.Next(1, 48)));
                lead.NextContactTopic = "First call";
                Finish(plan, activities, last);
                return;
            }

            // First contact: within the deadline about 70 % of the time.
            var responded = lead.FirstResponseDueAt is { } due
                ? random.NextDouble() < 0.7
                    ? After(assignedAt, TimeSpan.FromMinutes(1), due - assignedAt - TimeSpan.FromMinutes(1))
                    : After(due, TimeSpan.FromMinutes(10), TimeSpan.FromHours(10))
                : assignedAt;
            lead.FirstRespondedAt = last = responded;
            lead.StartWork();
            activities.Add(Call(lead, owner, responded));
            if (activities.FirstOrDefault(a => a.Type == ActivityType.Task) is { } task)
            {
                task.DoneAt = responded;
                task.Result = "Meeting booked for the estimate review.";
            }

            var end = status switch
            {
                LeadStatus.Qualified or LeadStatus.Converted or LeadStatus.Refused or LeadStatus.Postponed => After(last, TimeSpan.FromDays(1), TimeSpan.FromDays(25)),
                _ => now,
            };
            var touches = status switch
            {
                LeadStatus.InProgress => random.Next(0, 4),
                LeadStatus.Qualified => random.Next(1, 5),
                LeadStatus.Converted => random.Next(2, 6),
                _ => random.Next(0, 4),
            };
            for (var t = 0; t < touches && activities.Count < 7; t++)
            {
                last = After(last, TimeSpan.FromHours(2), TimeSpan.FromDays(4), end);
                var type = Weighted([(ActivityType.Call, 40), (ActivityType.Email, 25), (ActivityType.Meeting, 12), (ActivityType.SocialMessage, 6),
                    (ActivityType.Demo, 6), (ActivityType.Webinar, 3), (ActivityType.Seminar, 3), (ActivityType.Proposal, 5)]);
                activities.Add(type == ActivityType.Call
                    ? Call(lead, owner, last)
                    : Act(lead, type, ActivityDirection.Outbound, last, owner, subject: Subject(type), result: Pick(CallResults)));
            }

            if (status is LeadStatus.InProgress or LeadStatus.Qualified && random.NextDouble() < 0.4)
            {
                lead.NeedConfirmed = true;
                lead.CanPay = random.NextDouble() < 0.5 ? true : null;
            }

            switch (status)
            {
                case LeadStatus.Qualified or LeadStatus.Converted:
                    last = After(last, TimeSpan.FromHours(1), TimeSpan.FromDays(3));
                    lead.Qualify(JsonSerializer.Serialize(new
                    {
                        industry = lead.Company is null ? null : Pick(CompanySuffixes).Industry,
                        turnover = lead.Company is null ? null : Pick(["< 1M EUR", "1-10M EUR", "10-50M EUR", "> 50M EUR"]),
                        geography = lead.Region,
                        match = true,
                    }, Json), last);
                    if (status == LeadStatus.Converted)
                    {
                        last = After(last, TimeSpan.FromHours(4), TimeSpan.FromDays(2));
                        activities.Add(Act(lead, ActivityType.Proposal, ActivityDirection.Outbound, last, owner, subject: "Commercial proposal sent"));
                        last = After(last, TimeSpan.FromDays(1), TimeSpan.FromDays(10));
                        lead.ConvertBeforeClientIsStored(last); // its client is linked once stored (step 3 of SeedChunkAsync)
                        Convert(plan, owner);
                    }
                    else
                    {
                        NextContact(lead, owner, activities);
                    }

                    break;

                case LeadStatus.Refused:
                    var refusedBy = random.NextDouble() < 0.7 ? RefusedBy.Client : RefusedBy.Us;
                    var reason = refusedBy == RefusedBy.Client ? Pick(ClientRefusalReasons) : Pick(OurRefusalReasons);
                    last = After(last, TimeSpan.FromHours(1), TimeSpan.FromDays(5));
                    var farewell = random.NextDouble() < 0.6; // C7: farewell letter with a short questionnaire on the refusal reasons
                    lead.Refuse(refusedBy, reason, last, farewell, recontactAt: null);
                    if (farewell)
                    {
                        activities.Add(Act(lead, ActivityType.Letter, ActivityDirection.Outbound, last, owner, subject: "Farewell letter with questionnaire"));
                    }

                    break;

                case LeadStatus.Postponed:
                    lead.Postpone(Sec(now.AddDays(random.Next(7, 120)).Date.AddHours(9)));
                    lead.NextContactAt = lead.PostponedUntil;
                    lead.NextContactTopic = Pick(["Budget planned for next quarter", "Call after the holidays", "Back after the re-organisation"]);
                    break;

                default:
                    NextContact(lead, owner, activities);
                    break;
            }

            if (lead.Channel != LeadChannels.Partner && lead.IsOpen && lead.Company is not null && random.NextDouble() < 0.05
                && _partners[2].Regions!.Split(',').Contains(lead.Region))
            {
                lead.AssignedPartnerId = _partners[2].Id; // R12: distributed to the dealer of its region
                lead.AssignedToPartnerAt = After(created, TimeSpan.FromHours(1), TimeSpan.FromDays(2));
            }

            Finish(plan, activities, last);
        }

        private void NextContact(Lead lead, StaffUser owner, List<Activity> activities)
        {
            // T6: the next contact's date and topic are always agreed; an open task reminds the owner.
            lead.NextContactAt = Sec(now.AddHours(random.Next(2, 24 * 7)));
            lead.NextContactTopic = Pick(NextTopics);
            if (activities.Count < 8 && random.NextDouble() < 0.5)
            {
                var task = Act(lead, ActivityType.Task, ActivityDirection.Outbound, activities[^1].OccurredAt, owner,
                    subject: lead.NextContactTopic, scheduledAt: lead.NextContactAt);
                task.DoneAt = null;
                activities.Add(task);
            }
        }

        private void Finish(LeadPlan plan, List<Activity> activities, DateTime last)
        {
            var lead = plan.Lead;
            if (lead.Channel == LeadChannels.Partner)
            {
                Refer(plan);
            }

            lead.Activities = activities;
            lead.TouchCount = activities.Count(a => a.Type != ActivityType.Task);
            lead.UpdatedAt = new[] { last, lead.CreatedAt, activities.Count > 0 ? activities.Max(a => a.OccurredAt) : lead.CreatedAt }.Max();
            lead.UpdatedBy = Actor;
        }

        // ---------------------------------------------------------------- conversion, deal, orders

        private void Convert(LeadPlan plan, StaffUser leadOwner)
        {
            var lead = plan.Lead;
            var at = lead.ConvertedAt!.Value;
            var company = lead.Company;
            var industry = company is null ? null : CompanySuffixes.First(s => company.EndsWith(s.Suffix, StringComparison.Ordinal)).Industry;
            var client = Stamp(new Client
            {
                Name = company ?? $"{lead.FirstName} {lead.LastName ?? Pick(LastNames)}",
                Kind = company is null ? ClientKind.Person : ClientKind.Company,
                TaxId = company is null ? null : Digits(10),
                Okpo = company is null ? null : Digits(8),
                RegistrationNumber = company is null ? null : "RN-" + Digits(7),
                Industry = industry,
                Region = lead.Region,
                IsBudgetary = company is not null && random.NextDouble() < 0.05,
                EmployeeCount = company is null ? null : Pick([8, 25, 60, 140, 320, 900, 2500]),
                Email = lead.Email,
                Phone = lead.Phone,
                Website = company is null ? null : $"https://{Slug(company)}.example.com",
                OwnerId = random.NextDouble() < 0.85 ? _farmer.Id : leadOwner.Id, // C4: the farmer works the client
            }, at);
            client.Contacts.Add(Stamp(new Contact
            {
                FirstName = lead.FirstName,
                LastName = lead.LastName,
                Position = lead.Position,
                PositionGroup = lead.PositionGroup,
                Phone = lead.Phone,
                Email = lead.Email,
                HasDecisionAuthority = true,
            }, at));
            var extra = company is null ? 0 : random.Next(0, 3);
            for (var c = 0; c < extra; c++)
            {
                var position = Pick(Positions);
                var first = Pick(FirstNames);
                var lastName = Pick(LastNames);
                client.Contacts.Add(Stamp(new Contact
                {
                    FirstName = first,
                    LastName = lastName,
                    Position = position.Title,
                    PositionGroup = position.Group,
                    Phone = random.NextDouble() < 0.7 ? PhoneNumber() : null,
                    Email = $"{first}.{lastName}@{Slug(company!)}.example.com".ToLowerInvariant(),
                    HasDecisionAuthority = position.Group is PositionGroup.OwnerOrDirector or PositionGroup.CommercialDirector,
                }, at));
            }

            plan.Client = client;
            var deal = NewDeal(lead, leadOwner, at, out var wonAt, out var contractAt);
            plan.Deal = deal;

            if (wonAt is { } paidAt)
            {
                Orders(plan, deal, contractAt ?? paidAt, paidAt);
            }

            // Loyalty category and segment from the order history.
            var paid = plan.Orders.Where(o => o.Status == OrderStatus.Paid).ToList();
            var lastOrder = plan.Orders.Count > 0 ? plan.Orders[^1].PlacedAt : (DateTime?)null;
            client.LoyaltyCategory = paid.Count switch
            {
                0 => deal.LostRefusedBy is null ? LoyaltyCategory.Potential : Pick([LoyaltyCategory.Former, LoyaltyCategory.Potential, LoyaltyCategory.Antagonist]),
                1 => LoyaltyCategory.OneTime,
                2 or 3 => LoyaltyCategory.Regular,
                4 or 5 => LoyaltyCategory.Loyal,
                <= 8 => LoyaltyCategory.Committed,
                _ => LoyaltyCategory.Fan,
            };
            if (paid.Count >= 2 && lastOrder < now.AddDays(-150))
            {
                client.LoyaltyCategory = LoyaltyCategory.TemporarilyLost;
            }

            client.LoyaltyCategoryChangedAt = lastOrder ?? at;
            client.Segment = paid.Count >= 4
                ? Pick<ClientSegment?>([ClientSegment.Key, ClientSegment.DevelopingKey, ClientSegment.Maintained])
                : random.NextDouble() < 0.3 ? Pick<ClientSegment?>([ClientSegment.Maintained, ClientSegment.Occasional]) : null;
            if (paid.Sum(o => o.NetAmountMinor) > 30_000_00)
            {
                client.StrategicManagerId = _head.Id; // O5: a large share of turnover gets the strategic-partner manager
            }

            client.UpdatedAt = new[] { at, client.LoyaltyCategoryChangedAt.Value }.Max();
        }

        private Deal NewDeal(Lead lead, StaffUser owner, DateTime at, out DateTime? wonAt, out DateTime? contractAt)
        {
            var service = Pick(Services);
            var amount = (long)random.Next(service.MinEur / 50, service.MaxEur / 50 + 1) * 50 * 100;
            var deal = Stamp(new Deal
            {
                PipelineId = DefaultPipeline.PipelineId,
                OwnerId = owner.Id,
                Title = lead.Company is null ? service.Service : $"{service.Service} for {lead.Company}",
                Kind = DealKind.NewBusiness,
                AmountMinor = amount,
                Currency = Currencies.Eur,
            }, at);

            var recent = (now - at).TotalDays < 20;
            var outcome = recent
                ? Weighted([("open", 70), ("won", 30)])
                : Weighted([("won", 80), ("lost", 10), ("open", 10)]);
            var path = PipelineStageCodes.Default.Take(7).ToList(); // NEW … WON
            if (outcome == "open")
            {
                path = path.Take(random.Next(1, 7)).ToList();
            }
            else if (outcome == "lost")
            {
                path = path.Take(random.Next(1, 6)).Append(PipelineStageCodes.Lost).ToList();
            }

            wonAt = contractAt = null;
            var t = at;
            foreach (var code in path)
            {
                t = code == PipelineStageCodes.New ? at : After(t, TimeSpan.FromHours(4), TimeSpan.FromDays(5));
                Stamp(deal.EnterStage(_stages[code], t, owner.Name), t);
                switch (code)
                {
                    case PipelineStageCodes.ProposalSent:
                        deal.ProposalSentAt = t;
                        break;
                    case PipelineStageCodes.StartOfWorkAgreed: // Q3: requirements agreed and price proposed
                        deal.Requirements = $"{service.Service}: scope, pages and integrations agreed in the meeting; launch in {Pick(EstimateDeadlines)}.";
                        deal.ProposedPriceMinor = amount;
                        break;
                    case PipelineStageCodes.ContractInvoiced: // C1
                        contractAt = t;
                        _documentNumber++;
                        deal.ContractRef = $"CTR-{t:yyyy}-{_documentNumber:D6}";
                        deal.InvoiceRef = $"INV-{t:yyyy}-{_documentNumber:D6}";
                        break;
                    case PipelineStageCodes.Won:
                        wonAt = deal.ClosedAt = t;
                        HandOff(deal, t);
                        break;
                    case PipelineStageCodes.Lost:
                        deal.ClosedAt = t;
                        deal.LostRefusedBy = random.NextDouble() < 0.7 ? RefusedBy.Client : RefusedBy.Us;
                        deal.LostReason = deal.LostRefusedBy == RefusedBy.Client ? Pick(ClientRefusalReasons) : Pick(OurRefusalReasons);
                        break;
                }
            }

            deal.UpdatedAt = deal.HandoffToProjectManagerAt ?? deal.HandoffDocumentsSharedAt ?? deal.HandoffPlannerProjectAt ?? deal.HandoffIntroducedAt ?? t;
            return deal;
        }

        private void HandOff(Deal deal, DateTime wonAt)
        {
            // The four hand-off steps: introduce participants, planner project, shared documents, hand to the PM.
            var steps = random.NextDouble() < 0.85 ? 4 : random.Next(0, 4);
            var t = wonAt;
            if (steps >= 1)
            {
                deal.HandoffIntroducedAt = t = After(t, TimeSpan.FromHours(2), TimeSpan.FromDays(2));
            }

            if (steps >= 2)
            {
                deal.HandoffPlannerProjectAt = t = After(t, TimeSpan.FromHours(1), TimeSpan.FromDays(1));
            }

            if (steps >= 3)
            {
                deal.HandoffDocumentsSharedAt = t = After(t, TimeSpan.FromHours(1), TimeSpan.FromDays(2));
            }

            if (steps >= 4)
            {
                deal.HandoffToProjectManagerAt = After(t, TimeSpan.FromHours(1), TimeSpan.FromDays(1));
                deal.HandoffProjectManager = Pick(["Nikita Belov", "Sofia Marin", "Igor Zaitsev"]);
            }

        }

        private void Orders(LeadPlan plan, Deal deal, DateTime placedAt, DateTime paidAt)
        {
            var qualifyingPaid = 0;
            DateTime? firstPaid = null;
            var interval = random.Next(15, 90);
            var repeats = Weighted([(0, 45), (1, 20), (2, 12), (3, 8), (random.Next(4, 13), 15)]);
            var number = 0;
            var placed = placedAt;
            for (var o = 0; o <= repeats; o++)
            {
                if (o > 0)
                {
                    placed = Sec(placed.AddDays(interval * (0.6 + random.NextDouble() * 0.8)));
                    if (placed >= now)
                    {
                        break;
                    }
                }

                number++;
                var gross = o == 0
                    ? deal.AmountMinor
                    : random.NextDouble() < 0.1 ? random.Next(40, 100) * 100L : random.Next(3, 60) * 50 * 100L;
                var mode = gross >= 750_00 && random.NextDouble() < 0.25 ? PaymentMode.Installment : PaymentMode.Single; // D5
                var (discount, breakdown) = Discount(gross, mode, qualifyingPaid, firstPaid, placed);
                var order = Stamp(new Order
                {
                    Number = number,
                    GrossAmountMinor = gross,
                    DiscountAmountMinor = discount,
                    NetAmountMinor = gross - discount,
                    Currency = Currencies.Eur,
                    PaymentMode = mode,
                    PlacedAt = placed,
                    DiscountBreakdown = breakdown.Json,
                    SingleReceiptDiscountMinor = breakdown.Winner == "D1" ? discount : 0,
                    TenureDiscountMinor = breakdown.Winner == "D3" ? discount : 0,
                    NthOrderDiscountMinor = breakdown.Winner == "D4" ? discount : 0,
                }, placed);

                var status = o == 0
                    ? OrderStatus.Paid
                    : (now - placed).TotalDays < 10 && random.NextDouble() < 0.5
                        ? OrderStatus.Placed
                        : Weighted([(OrderStatus.Paid, 92), (OrderStatus.Refunded, 3), (OrderStatus.Cancelled, 5)]);
                // The deal's own order is fully paid when the deal is won; installments spread up to then.
                var payAt = o == 0 ? placed : After(placed, TimeSpan.FromHours(1), TimeSpan.FromDays(7));
                Pay(order, status, payAt, o == 0 ? paidAt : null);
                if (order.Status is OrderStatus.Paid or OrderStatus.Refunded)
                {
                    firstPaid ??= order.PaidAt;
                    if (gross >= 100_00)
                    {
                        qualifyingPaid++; // D4 counts paid orders of at least 100 €
                    }
                }

                plan.Orders.Add(order);
            }
        }

        private void Pay(Order order, OrderStatus status, DateTime payAt, DateTime? fullyPaidAt)
        {
            switch (status)
            {
                case OrderStatus.Placed:
                    return;
                case OrderStatus.Cancelled:
                    order.Cancel(payAt);
                    order.UpdatedAt = payAt;
                    return;
            }

            if (order.PaymentMode == PaymentMode.Installment)
            {
                var parts = 3;
                var share = order.NetAmountMinor / parts;
                var paidParts = 0;
                for (var p = 0; p < parts; p++)
                {
                    var at = fullyPaidAt is { } last ? Sec(payAt + (last - payAt) * p / (parts - 1)) : Sec(payAt.AddDays(30 * p));
                    if (at >= now)
                    {
                        break;
                    }

                    var amount = p == parts - 1 ? order.NetAmountMinor - share * (parts - 1) : share;
                    Stamp(order.RecordPayment(amount, at, $"BANK-{Digits(9)}"), at);
                    paidParts++;
                    order.UpdatedAt = at;
                }

                if (paidParts < parts)
                {
                    return; // partially paid
                }
            }
            else
            {
                payAt = fullyPaidAt ?? payAt;
                Stamp(order.RecordPayment(order.NetAmountMinor, payAt, $"BANK-{Digits(9)}"), payAt);
                order.UpdatedAt = payAt;
            }

            if (status == OrderStatus.Refunded)
            {
                var at = After(order.PaidAt!.Value, TimeSpan.FromDays(1), TimeSpan.FromDays(20));
                Stamp(order.Refund(at, $"REFUND-{Digits(9)}"), at);
                order.UpdatedAt = at;
            }
        }

        /// <summary>
        /// A demo approximation of the loyalty discounts with the default BEST_SINGLE policy (D6):
        /// single-receipt tiers (D1, single payment only, D2), tenure (D3), every 5th/10th order of at
        /// least 100 € (D4). The API computes real quotes with the configured rules.
        /// </summary>
        private static (long Discount, (string Json, string? Winner) Breakdown) Discount(long gross, PaymentMode mode, int qualifyingPaidBefore, DateTime? firstPaid, DateTime placed)
        {
            decimal d1 = mode != PaymentMode.Single ? 0 : gross >= 5000_00 ? 15 : gross >= 3000_00 ? 10 : gross >= 1500_00 ? 5 : 0;
            var years = firstPaid is { } fp ? (placed - fp).TotalDays / 365.25 : 0;
            decimal d3 = years >= 3 ? 10 : years >= 2 ? 5 : years >= 1 ? 2.5m : 0;
            var ordinal = qualifyingPaidBefore + 1;
            decimal d4 = gross < 100_00 ? 0 : ordinal % 10 == 0 ? 10 : ordinal % 5 == 0 ? 5 : 0;
            var best = Math.Max(d1, Math.Max(d3, d4));
            var winner = best == 0 ? null : best == d1 ? "D1" : best == d3 ? "D3" : "D4";
            long Amount(decimal percent) => (long)decimal.Round(gross * percent / 100m, 0, MidpointRounding.ToEven);
            var rules = new[]
            {
                new { rule = "D1", percent = d1, applied = winner == "D1", amountMinor = winner == "D1" ? Amount(d1) : 0,
                    reason = mode != PaymentMode.Single ? "Installment orders are not a single payment (D2)." : d1 > 0 ? "Single-payment receipt tier reached." : "Below the 1500 EUR tier." },
                new { rule = "D3", percent = d3, applied = winner == "D3", amountMinor = winner == "D3" ? Amount(d3) : 0,
                    reason = d3 > 0 ? $"Client for {Math.Floor(years).ToString(CultureInfo.InvariantCulture)} year(s)." : "Less than a year since the first paid order." },
                new { rule = "D4", percent = d4, applied = winner == "D4", amountMinor = winner == "D4" ? Amount(d4) : 0,
                    reason = gross < 100_00 ? "Orders under 100 EUR do not count (D4)." : d4 > 0 ? $"Qualifying order number {ordinal}." : $"Qualifying order number {ordinal} is not a 5th or 10th." },
            };
            var discount = winner is null ? 0 : Amount(best);
            return (discount, (JsonSerializer.Serialize(new { policy = "BEST_SINGLE", appliedPercent = best, discountMinor = discount, rules }, Json), winner));
        }

        // ---------------------------------------------------------------- referrals and rewards

        private void Refer(LeadPlan plan)
        {
            var lead = plan.Lead;
            var referral = Stamp(new Referral
            {
                ProgramId = _program.Id,
                ReferralCodeId = lead.ReferralCodeId,
                PartnerId = lead.PartnerId,
                AttributedAt = lead.CreatedAt,
            }, lead.CreatedAt);
            plan.Referral = referral;
            if (lead.Status == LeadStatus.Refused)
            {
                referral.Reject($"The referred lead was refused: {lead.RefusalReason}");
                referral.UpdatedAt = lead.RefusedAt!.Value;
            }
        }

        /// <summary>Rewards of this chunk's converted referrals (R3), and one payout per partner for those paid.</summary>
        private void PlanPayouts(List<LeadPlan> plans, out Dictionary<long, (Payout Payout, DateTime Latest)> payouts)
        {
            payouts = [];
            foreach (var plan in plans.Where(p => p.Referral is not null && p.Client is not null))
            {
                var referral = plan.Referral!;
                referral.Convert(plan.Lead.ConvertedAt!.Value);
                referral.UpdatedAt = referral.ConvertedAt!.Value;
                var reward = Stamp(new Reward { Currency = _program.Currency, Status = RewardStatus.Pending }, referral.ConvertedAt.Value);
                plan.Reward = reward;

                var window = referral.AttributedAt.AddDays(_program.AttributionWindowDays);
                var order = plan.Orders.FirstOrDefault(o => o.PaidAt is { } paid && paid <= window);
                if (order is null)
                {
                    continue;
                }

                plan.RewardOrder = order;
                reward.AmountMinor = Math.Min(order.NetAmountMinor * _program.RewardValue / 10_000, _program.CapPerReferralMinor ?? long.MaxValue);
                var earnedAt = order.PaidAt!.Value;
                reward.EarnedAt = earnedAt;
                reward.ApprovableAt = earnedAt.AddDays(_program.HoldingPeriodDays);
                reward.Status = RewardStatus.Earned;
                reward.UpdatedAt = earnedAt;
                if (order.RefundedAt is { } refunded && refunded < reward.ApprovableAt)
                {
                    reward.Status = RewardStatus.Void;
                    reward.VoidReason = "The order was refunded within the holding period.";
                    reward.VoidedAt = reward.UpdatedAt = refunded;
                    continue;
                }

                if (reward.ApprovableAt > now)
                {
                    continue;
                }

                reward.Status = RewardStatus.Approved;
                reward.ApprovedAt = reward.ApprovableAt;
                reward.UpdatedAt = reward.ApprovableAt.Value;
                referral.MarkRewarded();
                referral.UpdatedAt = reward.ApprovedAt.Value;
                var paidAt = reward.ApprovedAt.Value.AddDays(15);
                if (paidAt > now)
                {
                    continue;
                }

                reward.Status = RewardStatus.Paid;
                reward.PaidAt = reward.UpdatedAt = paidAt;
                var partnerId = referral.PartnerId!.Value;
                if (!payouts.TryGetValue(partnerId, out var payout))
                {
                    payout = (Stamp(new Payout { PartnerId = partnerId, Currency = _program.Currency, Reference = $"PO-{_chunk + 1:D4}-{partnerId}" }, paidAt), paidAt);
                }

                payout.Payout.AmountMinor += reward.AmountMinor;
                payout.Latest = paidAt > payout.Latest ? paidAt : payout.Latest;
                payout.Payout.PaidAt = payout.Payout.CreatedAt = payout.Payout.UpdatedAt = payout.Latest;
                payouts[partnerId] = payout;
            }

            // Rewards of one payout are paid on the payout's date.
            foreach (var plan in plans.Where(p => p.Reward?.Status == RewardStatus.Paid))
            {
                plan.Reward!.PaidAt = plan.Reward.UpdatedAt = payouts[plan.Referral!.PartnerId!.Value].Payout.PaidAt;
            }
        }

        // ---------------------------------------------------------------- interests, plans, spend

        private void AddUnlinkedInterests(int leads)
        {
            var count = leads / 20;
            for (var i = 0; i < count; i++)
            {
                var at = Sec(_start + (now - _start) * random.NextDouble());
                var landingPage = random.NextDouble() < 0.5 ? Pick(LandingPages) : null;
                db.Interests.Add(Stamp(new Interest
                {
                    Channel = landingPage is null ? Pick([LeadChannels.Website, LeadChannels.Social]) : LeadChannels.LandingPage,
                    LandingPage = landingPage,
                    PageUrl = landingPage is null ? "https://example.com/" : $"https://example.com/{landingPage}",
                    VisitorId = $"anon-{_chunk:D3}-{i:D5}",
                    Payload = JsonSerializer.Serialize(new { action = Pick(["callbackWidgetClosed", "formStartedNotSent", "pricingViewed"]) }, Json),
                    OccurredAt = at,
                }, at));
            }
        }

        private void SeedPlansAndSpend(int leadCount)
        {
            // T8: quarterly sales plans for the team and each conversion manager, the year back and the next quarter.
            var quarters = new List<(int Year, int Quarter)>();
            for (var q = new DateTime(_start.Year, (_start.Month - 1) / 3 * 3 + 1, 1, 0, 0, 0, DateTimeKind.Utc); q <= now.AddMonths(3); q = q.AddMonths(3))
            {
                quarters.Add((q.Year, (q.Month - 1) / 3 + 1));
            }

            var planAt = _start.AddDays(-10);
            var teamTarget = Math.Max(10_000_00, leadCount * 0.23 * 0.8 * 5500 * 100 / 4 / 1000_00 * 1000_00 * 11 / 10);
            foreach (var (year, quarter) in quarters)
            {
                var target = (long)(teamTarget * (0.9 + random.NextDouble() * 0.3)) / 1000_00 * 1000_00;
                db.SalesPlans.Add(Stamp(new SalesPlan { Year = year, Quarter = quarter, TargetAmountMinor = target, Currency = Currencies.Eur }, planAt));
                double[] shares = [0.45, 0.35, 0.20];
                for (var m = 0; m < _conversion.Length; m++)
                {
                    db.SalesPlans.Add(Stamp(new SalesPlan
                    {
                        OwnerId = _conversion[m].Id,
                        Year = year,
                        Quarter = quarter,
                        TargetAmountMinor = (long)(target * shares[m % shares.Length]) / 100_00 * 100_00,
                        Currency = Currencies.Eur,
                    }, planAt));
                }

                // O3: the marketer's plan per paid channel: leads and acceptable cost per lead.
                foreach (var (channel, cost) in PaidChannels)
                {
                    var expected = _leadsPerMonth.Where(kv => kv.Key.Channel == channel && (kv.Key.Month - 1) / 3 + 1 == quarter && kv.Key.Year == year).Sum(kv => kv.Value);
                    var weight = Channels.First(c => c.Code == channel).Weight;
                    var leadTarget = Math.Max(expected, leadCount * weight / 100 / Math.Max(1, quarters.Count - 1));
                    db.MarketingPlans.Add(Stamp(new MarketingPlan
                    {
                        Year = year,
                        Quarter = quarter,
                        Channel = channel,
                        TargetLeads = Math.Max(1, (int)Math.Round(leadTarget * 1.1)),
                        MaxCostPerLeadMinor = cost * 120,
                        Currency = Currencies.Eur,
                    }, planAt));
                }
            }

            // Monthly spend per paid channel (and landing page), roughly in line with the leads it brought.
            foreach (var ((year, month, channel, landingPage), leads) in _leadsPerMonth.OrderBy(kv => kv.Key.Year).ThenBy(kv => kv.Key.Month).ThenBy(kv => kv.Key.Channel, StringComparer.Ordinal).ThenBy(kv => kv.Key.LandingPage, StringComparer.Ordinal))
            {
                var paid = PaidChannels.FirstOrDefault(p => p.Channel == channel);
                if (paid.Channel is null)
                {
                    continue;
                }

                var periodStart = new DateTime(year, month, 1, 0, 0, 0, DateTimeKind.Utc);
                var periodEnd = periodStart.AddMonths(1);
                db.MarketingSpends.Add(Stamp(new MarketingSpend
                {
                    Channel = channel,
                    LandingPage = landingPage,
                    PeriodStart = periodStart,
                    PeriodEnd = periodEnd,
                    AmountMinor = (long)(leads * paid.CostPerLeadEur * 100 * (0.8 + random.NextDouble() * 0.45)),
                    Currency = Currencies.Eur,
                    Impressions = (long)(leads * (300 + random.NextDouble() * 500)),
                    Clicks = (long)(leads * (15 + random.NextDouble() * 25)),
                }, periodEnd < now ? periodEnd : now));
            }
        }

        // ---------------------------------------------------------------- helpers

        private void Count(DateTime at, string channel, string? landingPage)
        {
            var key = (at.Year, at.Month, channel, landingPage);
            _leadsPerMonth[key] = _leadsPerMonth.GetValueOrDefault(key) + 1;
        }

        private Activity Call(Lead lead, StaffUser owner, DateTime at)
        {
            // T6: every call ends with the date and topic of the next contact.
            var call = Act(lead, ActivityType.Call, ActivityDirection.Outbound, at, owner, subject: "Call", result: Pick(CallResults));
            call.NextContactAt = Sec(at.AddDays(random.Next(1, 8)));
            call.NextContactTopic = Pick(NextTopics);
            call.Agreements = JsonSerializer.Serialize(new[] { Pick(["Send case studies", "Prepare a rough estimate", "Invite the IT director", "Share the brief template"]) }, Json);
            return call;
        }

        private Activity Act(Lead lead, ActivityType type, ActivityDirection direction, DateTime at, StaffUser? owner,
            string? subject = null, string? result = null, DateTime? scheduledAt = null) =>
            Stamp(new Activity
            {
                Lead = lead,
                Type = type,
                Direction = direction,
                OwnerId = owner?.Id,
                Subject = subject,
                OccurredAt = at,
                ScheduledAt = scheduledAt,
                DoneAt = type == ActivityType.Task ? null : at,
                Result = result,
            }, at);

        private static string Subject(ActivityType type) => type switch
        {
            ActivityType.Email => "E-mail with case studies",
            ActivityType.Meeting => "Meeting at the client's office",
            ActivityType.SocialMessage => "Message in a messenger",
            ActivityType.Demo => "Demo of a similar project",
            ActivityType.Webinar => "Invited to a webinar",
            ActivityType.Seminar => "Free mini-seminar in our meeting room",
            ActivityType.Proposal => "Price list sent",
            _ => type.ToString(),
        };

        private string EstimateJson() => JsonSerializer.Serialize(new
        {
            siteType = Pick(EstimateSiteTypes),
            pages = Pick(EstimatePages),
            design = Pick(EstimateDesigns),
            integrations = Pick(EstimateIntegrations),
            deadline = Pick(EstimateDeadlines),
        }, Json);

        private string PhoneNumber() => random.Next(3) switch
        {
            0 => "+3736" + Digits(7),
            1 => "+407" + Digits(8),
            _ => "+79" + Digits(9),
        };

        private string Digits(int count)
        {
            Span<char> chars = stackalloc char[count];
            for (var i = 0; i < count; i++)
            {
                chars[i] = (char)('0' + random.Next(10));
            }

            return new string(chars);
        }

        private static string Slug(string name) => name.ToLowerInvariant().Replace(' ', '-');

        /// <summary>A time between <paramref name="min"/> and <paramref name="max"/> after <paramref name="from"/>, never past <paramref name="limit"/> (default: now).</summary>
        private DateTime After(DateTime from, TimeSpan min, TimeSpan max, DateTime? limit = null)
        {
            var bound = limit ?? now;
            var candidate = from + min + (max - min) * random.NextDouble();
            if (candidate >= bound)
            {
                candidate = from + (bound - from) * (0.1 + random.NextDouble() * 0.8);
            }

            var result = Sec(candidate);
            return result < from ? from : result;
        }

        private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

        private T Weighted<T>(IReadOnlyList<(T Item, int Weight)> items)
        {
            var roll = random.Next(items.Sum(i => i.Weight));
            foreach (var (item, weight) in items)
            {
                if (roll < weight)
                {
                    return item;
                }

                roll -= weight;
            }

            return items[^1].Item;
        }

        private static DateTime Sec(DateTime t) => Truncate(t);

        private static T Stamp<T>(T entity, DateTime at)
            where T : Entity
        {
            entity.CreatedAt = entity.UpdatedAt = at;
            entity.CreatedBy = entity.UpdatedBy = Actor;
            return entity;
        }
    }
}
