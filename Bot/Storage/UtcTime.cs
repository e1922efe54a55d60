namespace AnToan.Bot.Storage;

/// <summary>A date read back from a store as the UTC instant it was written as.</summary>
/// <remarks>Every store writes UTC. LiteDB hands it back with Kind Utc (UtcDate, see <see cref="StorageServices"/>),
/// Npgsql too for timestamptz; a value without a kind is taken as UTC, a local one (older data) converted.</remarks>
public static class UtcTime
{
    public static DateTime Of(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };

    public static DateTimeOffset Instant(DateTime value) => new(Of(value));
}
