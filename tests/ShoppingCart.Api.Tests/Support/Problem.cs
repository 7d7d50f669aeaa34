using System.Net;
using System.Text.Json;

namespace ShoppingCart.Api.Tests.Support;

/// <summary>Checks an RFC 9457 answer: status, media type, the stable code, and the correlation id echoed in it.</summary>
public static class Problem
{
    public static async Task<JsonElement> AssertAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.Equal(response.Headers.GetValues("X-Correlation-Id").Single(), problem.GetProperty("correlationId").GetString());
        return problem;
    }

    /// <summary>A 400 whose <c>errors</c> name exactly <paramref name="fields"/>.</summary>
    public static async Task<JsonElement> AssertFieldErrorsAsync(HttpResponseMessage response, string code, params string[] fields)
    {
        var problem = await AssertAsync(response, HttpStatusCode.BadRequest, code);
        var named = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal);
        Assert.Equal(fields.Order(StringComparer.Ordinal), named);
        return problem;
    }
}
