using System.Net;
using ShoppingCart.Infrastructure.Aws.EventBridge;

namespace ShoppingCart.OutboxForwarder.Tests.EventBridge;

public sealed class PutEventsErrorsTests
{
    [Theory]
    [InlineData("ThrottlingException", FailureDisposition.RetrySoon)]
    [InlineData("InternalFailure", FailureDisposition.RetrySoon)]
    [InlineData("MalformedDetail", FailureDisposition.DeadLetter)]
    [InlineData("InvalidArgument", FailureDisposition.DeadLetter)]
    [InlineData("AccessDeniedException", FailureDisposition.ReportFailed)]
    [InlineData("NotAuthorizedForSourceException", FailureDisposition.ReportFailed)]
    [InlineData("InvalidAccountIdException", FailureDisposition.ReportFailed)]
    public void Entry_error_codes_are_classified_as_the_api_reference_documents(string code, FailureDisposition expected)
    {
        var failure = PutEventsErrors.ForEntry(code, "because");

        Assert.Equal(expected, failure.Disposition);
        Assert.Equal(code, failure.Code);
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError, "InternalException", FailureDisposition.RetrySoon)]
    [InlineData(HttpStatusCode.ServiceUnavailable, null, FailureDisposition.RetrySoon)]
    [InlineData(HttpStatusCode.BadRequest, "ThrottlingException", FailureDisposition.RetrySoon)]
    [InlineData(HttpStatusCode.BadRequest, "AccessDeniedException", FailureDisposition.ReportFailed)]
    [InlineData(HttpStatusCode.BadRequest, "ResourceNotFoundException", FailureDisposition.ReportFailed)]
    [InlineData(HttpStatusCode.Forbidden, null, FailureDisposition.ReportFailed)]
    public void Whole_call_failures_are_retried_only_when_transient_and_never_dead_lettered(HttpStatusCode status, string? code, FailureDisposition expected)
    {
        var failure = PutEventsErrors.ForRequest(status, code, "message");

        Assert.Equal(expected, failure.Disposition);
        Assert.Contains(((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture), failure.Message, StringComparison.Ordinal);
    }
}
