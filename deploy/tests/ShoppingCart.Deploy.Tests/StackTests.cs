using ShoppingCart.Deploy.Settings;

namespace ShoppingCart.Deploy.Tests;

[Collection(CdkCollection.Name)]
public sealed class StackTests(SynthesisFixture fixture)
{
    [Fact]
    public void Settings_that_cannot_be_deployed_are_refused_before_anything_is_synthesized()
    {
        var error = Assert.Throws<ArgumentException>(() => fixture.Synthesize(new DeploymentSettings
        {
            StreamMaxRecordAgeSeconds = 2 * 24 * 60 * 60,
            LogRetentionDays = 10,
        }));

        Assert.Contains(ContextKeys.StreamMaxRecordAgeSeconds, error.Message, StringComparison.Ordinal);
        Assert.Contains(ContextKeys.LogRetentionDays, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_stack_name_comes_from_the_settings_and_every_taggable_resource_says_which_service_it_belongs_to()
    {
        var renamed = fixture.Synthesize(new DeploymentSettings { StackName = "ShoppingCart-dev" });
        var taggable = new[] { "AWS::DynamoDB::Table", "AWS::Lambda::Function", "AWS::SQS::Queue", "AWS::Events::EventBus", "AWS::Logs::LogGroup" };

        Assert.Equal("ShoppingCart-dev", Assert.Single(renamed.ResourcesOfType("AWS::ApiGateway::RestApi")).Property("Name").GetString());
        Assert.All(taggable.SelectMany(renamed.ResourcesOfType), resource =>
            Assert.Contains("""{"Key":"service","Value":"shopping-cart"}""", SynthesizedTemplate.Json(resource.Property("Tags")), StringComparison.Ordinal));
    }
}
