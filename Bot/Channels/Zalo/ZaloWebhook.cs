using System.Text;
using AnToan.Bot.Storage;
using Microsoft.Extensions.Options;

namespace AnToan.Bot.Channels.Zalo;

/// <summary><c>POST /api/zalo</c>: checks the event, stores it, queues it and answers at once.</summary>
/// <remarks>Zalo retries slow or non-200 answers and may disable the webhook, so everything that is not a
/// forgery gets 200 quickly: stale events and duplicates are acknowledged and dropped, never processed.</remarks>
public sealed class ZaloWebhook(
    IZaloInbox inbox,
    ZaloEventQueue queue,
    IOptions<ZaloOptions> options,
    TimeProvider clock,
    ILogger<ZaloWebhook> logger)
{
    public async Task<IResult> ReceiveAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var signature = request.Headers[ZaloSignature.Header].ToString();
        if (signature.Length == 0) return Results.Unauthorized();
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        var body = buffer.ToArray();

        var zaloEvent = ZaloEvent.Parse(body);
        if (zaloEvent is null) return Results.BadRequest();
        var settings = options.Value;
        if (!ZaloSignature.IsValid(signature, body, zaloEvent.Timestamp, settings))
        {
            logger.LogWarning("Zalo event {EventName} with a bad signature refused", zaloEvent.EventName);
            return Results.Unauthorized();
        }
        if (!StorageKey.AreBounded(zaloEvent.AppId, zaloEvent.UserId, zaloEvent.OaId, zaloEvent.MessageId))
        {
            logger.LogWarning("Zalo event {EventName} with an id over {Max} characters refused", zaloEvent.EventName, StorageKey.MaxIdLength);
            return Results.Problem($"ids must be at most {StorageKey.MaxIdLength} characters.", statusCode: StatusCodes.Status400BadRequest);
        }
        if (zaloEvent.OccurredAt is not { } at || (clock.GetUtcNow() - at).Duration() > settings.MaxEventAge)
        {
            logger.LogWarning("Stale Zalo event {EventName} from {Timestamp} dropped", zaloEvent.EventName, zaloEvent.Timestamp);
            return Results.Ok();
        }
        if (zaloEvent.Kind == ZaloEventKind.Ignored) return Results.Ok();

        // Events without a msg_id (follow, unfollow) are told apart by their signature, which covers body and timestamp.
        var entry = new ZaloInboxEntry { Id = zaloEvent.MessageId ?? signature.Trim().ToLowerInvariant(), Body = Encoding.UTF8.GetString(body) };
        if (!inbox.TryAccept(entry.Id, entry.Body))
        {
            logger.LogInformation("Duplicate Zalo event {EventId} dropped", entry.Id);
            return Results.Ok();
        }
        if (!queue.TryEnqueue(entry))
        {
            inbox.Forget(entry.Id);
            logger.LogWarning("Zalo queue full: event {EventId} refused for Zalo to retry", entry.Id);
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }
        return Results.Ok();
    }
}
