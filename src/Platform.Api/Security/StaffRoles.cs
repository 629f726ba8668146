namespace Platform.Api.Security;

/// <summary>Roles of staff users (people signing in); any of them may use the CRM.</summary>
public static class StaffRoles
{
    public const string Admin = "admin";
    public const string HeadOfSales = "head_of_sales";
    public const string Manager = "manager";
    public const string Marketer = "marketer";

    public static readonly string[] All = [Admin, HeadOfSales, Manager, Marketer];
}
