using ShoppingCart.Deploy.Settings;

namespace ShoppingCart.Deploy.Tests;

[Collection(CdkCollection.Name)]
public sealed class StreamMappingTests(SynthesisFixture fixture)
{
    private readonly SynthesizedTemplate _template = fixture.Default;

    private TemplateResource Mapping => Assert.Single(_template.ResourcesOfType("AWS::Lambda::EventSourceMapping"));

    [Fact]
    public void The_outbox_stream_feeds_the_forwarder_from_the_oldest_record_kept()
    {
        var outbox = Assert.Single(_template.ResourcesOfType("AWS::DynamoDB::Table"), table => table.Properties.TryGetProperty("StreamSpecification", out _));

        Assert.Equal($$"""{"Fn::GetAtt":["{{outbox.LogicalId}}","StreamArn"]}""", SynthesizedTemplate.Json(Mapping.Property("EventSourceArn")));
        Assert.Equal(_template.FunctionWithHandler("ShoppingCart.OutboxForwarder").LogicalId, SynthesizedTemplate.ReferencedId(Mapping.Property("FunctionName")));
        Assert.Equal("TRIM_HORIZON", Mapping.Property("StartingPosition").GetString());
    }

    // Lambda guide, "Using event filtering with a DynamoDB event source": "DynamoDB event source mappings only support
    // filtering on the dynamodb key", and a record that matches no filter is discarded. A filter on eventName could
    // discard every record; one on a new-image attribute keeps every insert and drops TTL deletions (REMOVE, no image).
    [Fact]
    public void The_filter_looks_only_inside_the_dynamodb_key_for_a_new_image_with_an_event_id()
    {
        var filter = Assert.Single(Mapping.Property("FilterCriteria").GetProperty("Filters").EnumerateArray());
        using var pattern = System.Text.Json.JsonDocument.Parse(filter.GetProperty("Pattern").GetString()!);

        Assert.Equal(["dynamodb"], pattern.RootElement.EnumerateObject().Select(key => key.Name));
        Assert.Equal(
            """{"dynamodb":{"NewImage":{"eventId":{"S":[{"exists":true}]}}}}""",
            SynthesizedTemplate.Json(pattern.RootElement));
    }

    [Fact]
    public void Failures_are_reported_per_record_and_a_failing_batch_is_bisected()
    {
        Assert.Equal("""["ReportBatchItemFailures"]""", SynthesizedTemplate.Json(Mapping.Property("FunctionResponseTypes")));
        Assert.True(Mapping.Property("BisectBatchOnFunctionError").GetBoolean());
    }

    // "Lambda parameters for Amazon DynamoDB event source mappings": MaximumRetryAttempts at most 10,000, record age below
    // the stream's 24 h. A setup fault fails each invocation after backing off within it; sized by count (10), a bad
    // deploy drained the stream in minutes. Sized by age, it has six hours to be fixed.
    [Fact]
    public void Retries_are_bounded_by_record_age_below_the_stream_retention_not_by_count()
    {
        var retries = Mapping.Property("MaximumRetryAttempts").GetInt32();
        var maximumAge = Mapping.Property("MaximumRecordAgeInSeconds").GetInt32();

        Assert.InRange(retries, 0, 10_000);
        Assert.InRange(maximumAge, 60, (24 * 60 * 60) - 1);
        Assert.Equal((10_000, 21_600), (retries, maximumAge));
    }

    [Fact]
    public void Records_given_up_on_go_to_the_stream_failure_queue()
    {
        var destination = Mapping.Property("DestinationConfig").GetProperty("OnFailure").GetProperty("Destination");

        Assert.Equal($$"""{"Fn::GetAtt":["{{_template.StreamFailureQueueId}}","Arn"]}""", SynthesizedTemplate.Json(destination));
    }

    [Fact]
    public void Batching_defaults_to_100_records_or_one_second_with_one_batch_per_shard()
    {
        Assert.Equal(100, Mapping.Property("BatchSize").GetInt32());
        Assert.Equal(1, Mapping.Property("MaximumBatchingWindowInSeconds").GetInt32());
        // "Lambda parameters for Amazon DynamoDB event source mappings": above 1, order is kept per item (partition and
        // sort key) only, and each outbox record is its own item; at 1 a shard has one batch in flight.
        Assert.Equal(1, Mapping.Property("ParallelizationFactor").GetInt32());
        Assert.Empty(_template.Warnings);
    }

    [Fact]
    public void A_parallelization_factor_above_one_is_deployed_with_a_warning_that_per_cart_order_is_lost()
    {
        var parallel = fixture.Synthesize(new DeploymentSettings { StreamParallelizationFactor = 2 });

        Assert.Equal(2, Assert.Single(parallel.ResourcesOfType("AWS::Lambda::EventSourceMapping")).Property("ParallelizationFactor").GetInt32());
        var warning = Assert.Single(parallel.Warnings);
        Assert.Contains("per item", warning, StringComparison.Ordinal);
        Assert.Contains("metadata.cartVersion", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Batching_retries_age_and_parallelization_come_from_the_settings()
    {
        var custom = fixture.Synthesize(new DeploymentSettings
        {
            StreamBatchSize = 25,
            StreamMaxBatchingWindowSeconds = 5,
            StreamMaxRetryAttempts = 3,
            StreamMaxRecordAgeSeconds = 3600,
            StreamParallelizationFactor = 3,
        });
        var mapping = Assert.Single(custom.ResourcesOfType("AWS::Lambda::EventSourceMapping"));

        Assert.Equal(25, mapping.Property("BatchSize").GetInt32());
        Assert.Equal(5, mapping.Property("MaximumBatchingWindowInSeconds").GetInt32());
        Assert.Equal(3, mapping.Property("MaximumRetryAttempts").GetInt32());
        Assert.Equal(3600, mapping.Property("MaximumRecordAgeInSeconds").GetInt32());
        Assert.Equal(3, mapping.Property("ParallelizationFactor").GetInt32());
    }
}
