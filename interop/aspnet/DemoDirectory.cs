using System.Text.Json;

namespace ThrumeInterop;

public sealed record DemoUser(string Id, string UserName, string DisplayName)
{
    public string Email => $"{UserName}@thrume.test";
}

/// <summary>The users of hub/fixtures/demo-directory.json, standing in for Thrume's Identity store.</summary>
public sealed class DemoDirectory
{
    // Development only: the one password of every demo user. Never a real credential.
    public const string DemoPassword = "thrume-demo";

    private const string RelativePath = "hub/fixtures/demo-directory.json";

    public IReadOnlyList<DemoUser> Users { get; }

    private DemoDirectory(IReadOnlyList<DemoUser> users) => Users = users;

    public DemoUser? FindByEmail(string? email) =>
        Users.FirstOrDefault((u) => string.Equals(u.Email, email, StringComparison.OrdinalIgnoreCase));

    /// <summary>Reads the file THRUME_DIRECTORY names, else the fixture found above the content root.</summary>
    public static DemoDirectory Load(string? path, string contentRoot)
    {
        path ??= FindUpwards(contentRoot) ??
            throw new FileNotFoundException($"No {RelativePath} above {contentRoot}; set THRUME_DIRECTORY.");
        using var stream = File.OpenRead(path);
        var file = JsonSerializer.Deserialize<DirectoryFile>(stream, JsonSerializerOptions.Web);
        if (file?.Users is not { Count: > 0 } users) throw new InvalidDataException($"No users in {path}.");
        return new DemoDirectory(users);
    }

    private static string? FindUpwards(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, RelativePath);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    private sealed record DirectoryFile(List<DemoUser>? Users);
}
