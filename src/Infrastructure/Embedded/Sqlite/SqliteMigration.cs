namespace ShoppingCart.Infrastructure.Embedded.Sqlite;

/// <summary>One numbered schema step. A shipped migration is never edited: files written by older builds rely on it.</summary>
public sealed record SqliteMigration(int Version, string Description, string Sql);
