namespace Bot.Core.Storage.Migrations;

internal sealed class M022_PendingDeliveryIndexes : IMigration
{
    public int Version => 22;

    public string Name => "pending delivery indexes";

    // Only pending rows are looked up by the worker. Partial indexes keep them small, and marking a
    // delivery sent then removes one index entry instead of moving it, which halves the pages each commit writes.
    public string Sql => """
        DROP INDEX ix_deliveries_state;
        DROP INDEX ix_deliveries_subscription;
        CREATE INDEX ix_deliveries_pending ON deliveries (id) WHERE state = 'pending';
        CREATE INDEX ix_deliveries_pending_subscription ON deliveries (subscription_id, id) WHERE state = 'pending';
        CREATE INDEX ix_deliveries_subscription ON deliveries (subscription_id);
        """;
}
