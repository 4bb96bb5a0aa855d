using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;

namespace ThrumeInterop;

/// <summary>Sign-in in the shape of Identity's MapIdentityApi, as Thrume mounts it under /api/auth.</summary>
public static class AuthEndpoints
{
    public const string Scheme = "Identity.Application";

    public sealed record LoginRequest(string? Email, string? Password);

    public static void MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/auth");

        auth.MapPost("/login", async (LoginRequest login, bool? useCookies, bool? useSessionCookies,
            DemoDirectory directory, HttpContext http) =>
        {
            // Thrume's SPA signs in with cookies; the bearer-token variant is not offered here.
            if (useCookies != true)
                return Results.Problem("Only cookie sign-in is supported here: use ?useCookies=true.", statusCode: 400);
            var user = directory.FindByEmail(login.Email);
            if (user is null || login.Password != DemoDirectory.DemoPassword)
                return Results.Problem("Failed", statusCode: 401); // Identity's own detail text

            Claim[] claims = [new(ClaimTypes.NameIdentifier, user.Id), new(ClaimTypes.Name, user.UserName)];
            var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme));
            var properties = new AuthenticationProperties { IsPersistent = useSessionCookies != true };
            await http.SignInAsync(Scheme, principal, properties);
            return Results.Empty;
        });

        auth.MapPost("/logout", async (HttpContext http) =>
        {
            await http.SignOutAsync(Scheme);
            return Results.Ok();
        });
    }
}
