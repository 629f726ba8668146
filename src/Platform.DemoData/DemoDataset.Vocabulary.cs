using Platform.Domain;
using Platform.Domain.Leads;
using Platform.Domain.Staff;

namespace Platform.DemoData;

public static partial class DemoDataset
{
    // Names and words for the demo. Companies and people are fictitious; e-mail domains use the
    // reserved example.com, phone numbers are random.

    private static readonly string[] FirstNames =
    [
        "Alexander", "Maria", "Ivan", "Elena", "Andrei", "Natalia", "Sergei", "Olga", "Mihai", "Ioana",
        "Dmitry", "Anna", "Victor", "Tatiana", "Cristina", "Nikolai", "Ekaterina", "Vlad", "Irina", "Pavel",
        "Daria", "Stefan", "Svetlana", "Alina", "George", "Yulia", "Roman", "Oksana", "Bogdan", "Larisa",
    ];

    private static readonly string[] LastNames =
    [
        "Ivanov", "Petrova", "Smirnov", "Popescu", "Ionescu", "Kuznetsova", "Volkov", "Rusu", "Munteanu", "Sokolova",
        "Lebedev", "Ciobanu", "Novikova", "Morozov", "Stan", "Pavlova", "Fedorov", "Dumitru", "Orlova", "Constantin",
    ];

    private static readonly string[] CompanyPrefixes =
    [
        "Alfa", "Nord", "Vector", "Orion", "Delta", "Sever", "Atlas", "Kvant", "Meridian", "Vostok",
        "Polar", "Terra", "Zenit", "Neva", "Carpat", "Danube", "Baltic", "Ural", "Sibir", "Lumina",
    ];

    private static readonly (string Suffix, string Industry)[] CompanySuffixes =
    [
        ("Logistics", "Logistics"), ("Print", "Printing"), ("Foods", "Food production"), ("Systems", "IT services"),
        ("Retail", "Retail"), ("Motors", "Automotive"), ("Pharma", "Pharmaceuticals"), ("Build", "Construction"),
        ("Media", "Media"), ("Tech", "Electronics"), ("Textiles", "Textiles"), ("Furniture", "Furniture"),
        ("Consulting", "Consulting"), ("Agro", "Agriculture"), ("Energy", "Energy"),
    ];

    private static readonly (string Title, PositionGroup Group)[] Positions =
    [
        ("CEO", PositionGroup.OwnerOrDirector), ("Owner", PositionGroup.OwnerOrDirector),
        ("Marketing Director", PositionGroup.MarketingDirector), ("PR Manager", PositionGroup.MarketingDirector),
        ("Sales Director", PositionGroup.CommercialDirector), ("Commercial Director", PositionGroup.CommercialDirector),
        ("Head of E-commerce", PositionGroup.HeadOfInternet), ("Brand Manager", PositionGroup.BrandManager),
        ("IT Director", PositionGroup.ItDirector), ("Procurement Officer", PositionGroup.GovernmentRepresentative),
    ];

    private static readonly string[] Regions =
    [
        "Moscow", "Saint Petersburg", "Kazan", "Novosibirsk", "Samara", "Yekaterinburg",
        "Chisinau", "Balti", "Bucharest", "Cluj-Napoca",
    ];

    private static readonly (string Code, int Weight)[] Channels =
    [
        (LeadChannels.LandingPage, 30), (LeadChannels.Website, 14), (LeadChannels.ContextualAds, 14),
        (LeadChannels.Social, 9), (LeadChannels.EmailCampaign, 6), (LeadChannels.ColdCall, 8),
        (LeadChannels.Recommendation, 6), (LeadChannels.Partner, 7), (LeadChannels.Exhibition, 3),
        (LeadChannels.Webinar, 3),
    ];

    /// <summary>Channels money is spent on, with a rough cost per lead in euros.</summary>
    private static readonly (string Channel, int CostPerLeadEur)[] PaidChannels =
    [
        (LeadChannels.LandingPage, 35), (LeadChannels.ContextualAds, 45), (LeadChannels.Social, 30),
        (LeadChannels.EmailCampaign, 12), (LeadChannels.Exhibition, 120), (LeadChannels.Webinar, 25),
    ];

    private static readonly string[] LandingPages = ["lp-website-audit", "lp-online-estimate", "lp-crm-demo", "lp-seo-promo"];

    private static readonly (string Service, int MinEur, int MaxEur)[] Services =
    [
        ("Promo website", 800, 3000), ("Corporate website", 2500, 9000), ("Online store", 4000, 14000),
        ("Online sales automation", 6000, 20000), ("SEO promotion", 900, 4000), ("Viral campaign", 1500, 6000),
        ("CRM integration", 2000, 8000), ("Mobile app", 7000, 25000),
    ];

    private static readonly string[] Messages =
    [
        "We need a new corporate website, please call me.",
        "How much would an online store with 500 products cost?",
        "Interested in SEO for our regional branches.",
        "Please send details about CRM integration.",
        "Looking for a partner to redesign our brand site before the exhibition.",
        "Can you automate our online sales funnel?",
        "We want a landing page for a new product line.",
        "Need advice on our advertising budget for the next quarter.",
    ];

    private static readonly string[] ClientRefusalReasons =
    [
        "Chose a competitor", "No budget this year", "Project cancelled", "Decided to do it in-house",
        "Price too high", "No response after several attempts",
    ];

    private static readonly string[] OurRefusalReasons =
    [
        "Budget below our minimum project size", "Not our target audience", "Requirements outside our expertise",
        "Deadline impossible to meet",
    ];

    private static readonly string[] CallResults =
    [
        "Discussed goals and current site; sent a short list of questions.",
        "Client comparing three agencies; agreed to a meeting.",
        "Identified needs: catalogue, payment, CRM integration.",
        "Decision maker on vacation; call again next week.",
        "Explained our process; client asked for case studies.",
        "Agreed on requirements; preparing the proposal.",
    ];

    private static readonly string[] NextTopics =
    [
        "Present the proposal", "Agree on requirements", "Meeting with the director", "Discuss the estimate",
        "Confirm the budget", "Send case studies and call back",
    ];

    private static readonly string[] EstimateSiteTypes = ["promo", "corporate", "store", "portal"];
    private static readonly string[] EstimatePages = ["1-10", "10-30", "30-100", "100+"];
    private static readonly string[] EstimateDesigns = ["template", "custom", "premium"];
    private static readonly string[] EstimateIntegrations = ["none", "crm", "erp", "payment"];
    private static readonly string[] EstimateDeadlines = ["2 weeks", "1 month", "1-2 months", "3+ months"];

    private static readonly (string Name, string Email, SalesRole Role, int Rank, bool Scripts, bool Available)[] Team =
    [
        ("Elena Sokolova", "elena.sokolova@example.com", SalesRole.Head, 1, true, true),
        ("Marta Ionescu", "marta.ionescu@example.com", SalesRole.Marketer, 1, false, true),
        ("Dmitri Volkov", "dmitri.volkov@example.com", SalesRole.Generation, 1, true, true),
        ("Ana Popescu", "ana.popescu@example.com", SalesRole.Generation, 2, true, true),
        ("Alexei Morozov", "alexei.morozov@example.com", SalesRole.Conversion, 1, true, true),
        ("Irina Lungu", "irina.lungu@example.com", SalesRole.Conversion, 2, true, true),
        ("Pavel Kuznetsov", "pavel.kuznetsov@example.com", SalesRole.Conversion, 3, true, false),
        ("Olga Rusu", "olga.rusu@example.com", SalesRole.Farmer, 1, true, true),
    ];
}
