// The browser collections share two cores with the build: one host and one Chromium at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
