// The benchmark's peer: add-items built the way Wolverine documents a raw ADO.NET outbox (its
// "sample_basic_sql_server_outbox_sample": enlist the message context in the DbTransaction, publish, commit, flush),
// on Wolverine's SQLite message store, in the same SQLite file as the cart rows, so the cart row and the outgoing
// envelope commit in one transaction. A durable local queue relays each event to a handler that appends it to a file.
using JasperFx.Resources;
using ShoppingCart.Benchmarks.WolverinePeer;
using Wolverine;
using Wolverine.Sqlite;

var builder = WebApplication.CreateSlimBuilder(args);
var carts = new CartDatabase(builder.Configuration.GetValue<string>(PeerSettings.DatabasePath)
    ?? throw new InvalidOperationException($"Set {PeerSettings.DatabasePath}."));
carts.CreateSchema();
builder.Services.AddSingleton(carts);
builder.Services.AddSingleton(new EventLogFile(builder.Configuration.GetValue<string>(PeerSettings.EventLogPath)
    ?? throw new InvalidOperationException($"Set {PeerSettings.EventLogPath}.")));

builder.Host.UseWolverine(options =>
{
    options.PersistMessagesWithSqlite(carts.ConnectionString);

    // One process owns the file: no leader election between nodes.
    options.Durability.Mode = DurabilityMode.Solo;

    // Durable: the envelope is stored in the command's transaction and deleted once handled. Sequential: one handler
    // at a time, so a cart's events reach the file in version order, as the service's relay guarantees.
    options.PublishMessage<CartChanged>().ToLocalQueue(CartChangedHandler.Queue).UseDurableInbox().Sequential();
});
builder.Host.UseResourceSetupOnStartup();

var app = builder.Build();
app.MapGet("/health", () => Results.Ok());
app.MapPost("/carts", CartEndpoints.CreateAsync);
app.MapPost("/carts/{cartId}/items", CartEndpoints.AddItemsAsync);
app.Run();

/// <summary>The program, named so that an in-process host (WebApplicationFactory) can start it.</summary>
public partial class Program;
