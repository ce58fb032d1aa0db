namespace Bot.Core.Storage.Migrations;

internal sealed class M061_DeactivationKind : IMigration
{
    public int Version => 61;

    public string Name => "why a subscription stopped, as a kind";

    // deactivated_reason keeps the platform's own words for operators; the kind is what /subscriptions
    // explains to readers in their language. Subscriptions stopped before this have no kind and are quoted.
    public string Sql => """
        ALTER TABLE subscriptions ADD COLUMN deactivated_kind TEXT;
        """;
}
