using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using ShoppingCart.Api.Identity;
using ShoppingCart.Api.Tests.Support;

namespace ShoppingCart.Api.Tests.EndToEnd;

/// <summary>
/// What <c>./run.sh token CUSTOMER_ID</c> runs: the built app's token command on the data folder of a running service.
/// </summary>
public sealed class TokenCommandEndToEndTests
{
    [Fact]
    public async Task The_token_command_prints_one_line_a_token_the_service_on_the_same_data_folder_accepts()
    {
        using var data = new TemporaryDirectory();
        await using var api = await ApiProcess.StartAsync(data.Path);

        var (exitCode, output, error) = await RunTokenCommandAsync(data.Path, "customer-42", "--ttl", "2h");

        Assert.True(exitCode == 0, error);
        var token = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        using var client = new HttpClient { BaseAddress = api.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Trim());
        using var response = await new CartApi(client).CreateAsync("""{"items":[{"sku":"apple","quantity":1}]}""");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("customer-42", (await CartApi.ReadCartAsync(response)).CustomerId);
    }

    [Fact]
    public async Task The_development_key_is_created_in_the_data_folder_readable_by_its_owner_only()
    {
        using var data = new TemporaryDirectory();
        await using (var api = await ApiProcess.StartAsync(data.Path))
        {
            Assert.True(File.Exists(data.File(DevelopmentIssuer.KeyFileName)), "The service creates its key on start.");
        }

        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(data.File(DevelopmentIssuer.KeyFileName)));
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData(" padded ")]
    public async Task An_unusable_customer_id_or_ttl_prints_nothing_on_standard_output_and_fails(string customer)
    {
        using var data = new TemporaryDirectory();

        var (exitCode, output, error) = await RunTokenCommandAsync(data.Path, customer, "--ttl", customer.Length == 0 ? "1h" : "-5m");

        Assert.Equal(2, exitCode);
        Assert.Equal(string.Empty, output);
        Assert.Contains("usage: token CUSTOMER_ID", error, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunTokenCommandAsync(string dataDirectory, params string[] arguments)
    {
        var start = ApiProcess.StartInfo([TokenCommand.Name, .. arguments]);
        start.ArgumentList.Add($"--ShoppingCart:Embedded:DatabasePath={ApiProcess.DatabasePathIn(dataDirectory)}");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
