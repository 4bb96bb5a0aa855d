using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using ThrumeInterop;

var builder = WebApplication.CreateBuilder(args);
var env = builder.Environment;

// Console only; the framework's per-request lines are noise here. "Now listening on" comes from
// Microsoft.Hosting.Lifetime at Information, which the scripts wait for.
builder.Logging.ClearProviders().AddConsole();
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
// The keys are kept unencrypted on purpose (a test app); the warning saying so would repeat on every run.
builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);

builder.Services.AddSingleton(DemoDirectory.Load(Environment.GetEnvironmentVariable("THRUME_DIRECTORY"), env.ContentRootPath));
builder.Services.AddSingleton<CallStateService>();
builder.Services.AddSingleton<UserPresenceTracker>();
builder.Services.AddHostedService<CallCleanupService>();

builder.Services.AddSignalR((o) =>
{
    o.MaximumReceiveMessageSize = 32 * 1024;
    o.MaximumParallelInvocationsPerClient = 1;
    o.StreamBufferCapacity = 10;
    o.EnableDetailedErrors = env.IsDevelopment();
});

// Persisted keys keep a signed-in cookie valid across a restart of the app.
var keysDir = Environment.GetEnvironmentVariable("THRUME_KEYS_DIR") ?? Path.Combine(env.ContentRootPath, "keys");
builder.Services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(keysDir)).SetApplicationName("ThrumeInterop");

// Thrume's Identity application cookie, without Identity's stores (they would need NuGet).
builder.Services.AddAuthentication(AuthEndpoints.Scheme).AddCookie(AuthEndpoints.Scheme, (o) =>
{
    o.Cookie.HttpOnly = true;
    o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
    o.Cookie.SameSite = SameSiteMode.None; // Thrume (docs/hub-contract.md §5, B1, B10): cross-site cookie.
    o.ExpireTimeSpan = TimeSpan.FromDays(14);
    o.SlidingExpiration = true;
    // As Identity's cookie answers on Thrume's net9.0 (net10.0 would also answer 401 to API endpoints): a
    // script's request (X-Requested-With: XMLHttpRequest, which SignalR's clients and the kit send) gets
    // 401 and 403; anything else is redirected to a login page that Thrume's API does not have.
    o.LoginPath = "/Account/Login";
    o.AccessDeniedPath = "/Account/AccessDenied";
    o.Events.OnRedirectToLogin = (c) => AnswerOrRedirect(c, StatusCodes.Status401Unauthorized);
    o.Events.OnRedirectToAccessDenied = (c) => AnswerOrRedirect(c, StatusCodes.Status403Forbidden);
});
builder.Services.AddAuthorization();

// Thrume (docs/hub-contract.md §5, B1): any origin may make credentialed requests (its WithOrigins list is
// overridden by SetIsOriginAllowed), and the WebSocket Origin is not checked.
builder.Services.AddCors((o) => o.AddDefaultPolicy((p) =>
    p.SetIsOriginAllowed((_) => true).AllowCredentials().AllowAnyHeader().AllowAnyMethod()));

var app = builder.Build();

app.UseCors();
app.UseAuthentication();
app.UseAuthorization();

// For the test scripts to probe; Thrume has no such endpoint.
app.MapGet("/health", () => "ok");
app.MapAuthEndpoints();
app.MapHub<ChatHub>("/chathub");

app.Run();

static Task AnswerOrRedirect(RedirectContext<CookieAuthenticationOptions> context, int status)
{
    if (context.Request.Headers.XRequestedWith == "XMLHttpRequest") context.Response.StatusCode = status;
    else context.Response.Redirect(context.RedirectUri);
    return Task.CompletedTask;
}
