using ShoppingCart.Operations;

// Ctrl-C cancels the command between steps: what was published stays published, what was not stays where it was.
using var stopping = new CancellationTokenSource();
Console.CancelKeyPress += (_, press) =>
{
    press.Cancel = true;
    stopping.Cancel();
};

return await OperatorCommandLine.RunAsync(args, Console.Out, Console.Error, stopping.Token);
