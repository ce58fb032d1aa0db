namespace Bot.Core.Storage.Migrations;

/// <summary>
/// One numbered schema change. Every class implementing this in Bot.Core is found by reflection,
/// applied once in version order and recorded in schema_version. Never edit a released migration: add one.
/// </summary>
public interface IMigration
{
    int Version { get; }

    string Name { get; }

    string Sql { get; }
}
