using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;
using OpenIddict.Abstractions;

namespace Platform.Api.Security.StaffSignIn;

/// <summary>
/// The server-rendered staff login form: plain HTML, no script. It posts the credentials, an antiforgery token and the
/// authorization request's parameters back to the authorization endpoint.
/// </summary>
internal static class LoginPage
{
    public const string EmailField = "login_email";
    public const string PasswordField = "login_password";

    public static IResult Render(HttpContext http, IAntiforgery antiforgery, OpenIddictRequest request, string? error, int statusCode)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        var html = HtmlEncoder.Default;
        var page = new StringBuilder();
        page.Append("""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>Sign in · Platform</title>
            <meta name="viewport" content="width=device-width, initial-scale=1"></head>
            <body><main><h1>Sign in</h1>
            """);
        if (error is not null)
            page.Append("<p role=\"alert\">").Append(html.Encode(error)).Append("</p>");
        page.Append("<form method=\"post\" action=\"").Append(html.Encode(AuthorizeEndpoint.Path)).Append("\">");
        page.Append("<input type=\"hidden\" name=\"").Append(html.Encode(tokens.FormFieldName)).Append("\" value=\"").Append(html.Encode(tokens.RequestToken!)).Append("\">");
        foreach (var (name, value) in request.GetParameters())
        {
            if (name is EmailField or PasswordField || name == tokens.FormFieldName)
                continue;
            foreach (var item in (Microsoft.Extensions.Primitives.StringValues)value)
                page.Append("<input type=\"hidden\" name=\"").Append(html.Encode(name)).Append("\" value=\"").Append(html.Encode(item ?? "")).Append("\">");
        }
        page.Append($"""
            <p><label>E-mail <input type="email" name="{EmailField}" autocomplete="username" required></label></p>
            <p><label>Password <input type="password" name="{PasswordField}" autocomplete="current-password" required></label></p>
            <p><button type="submit">Sign in</button></p>
            </form></main></body></html>
            """);
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers["X-Frame-Options"] = "DENY";
        return Results.Content(page.ToString(), "text/html; charset=utf-8", Encoding.UTF8, statusCode);
    }
}
