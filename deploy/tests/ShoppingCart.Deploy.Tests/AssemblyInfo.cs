// The jsii runtime behind the CDK is not thread-safe: one test at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
