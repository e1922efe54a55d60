using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace AnToan.Notify.Bench;

/// <summary>A Bot Framework connector on 127.0.0.1 that accepts every message and counts them per conversation.</summary>
public sealed class LoopbackConnector : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackConnector(WebApplication app) => _app = app;

    public string ServiceUrl { get; private set; } = "";

    public ConcurrentDictionary<string, int> PerConversation { get; } = new();

    public static async Task<LoopbackConnector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var connector = new LoopbackConnector(app);
        app.MapPost("/v3/conversations/{conversationId}/activities", (string conversationId) =>
        {
            connector.PerConversation.AddOrUpdate(conversationId, 1, (_, n) => n + 1);
            return Results.Json(new { id = conversationId });
        });
        await app.StartAsync();
        connector.ServiceUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/";
        return connector;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
