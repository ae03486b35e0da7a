namespace CommunitySaaS.Rules.Sandbox;

/// <summary>An expression reaches something rules may not use; the message is for the brand admin.</summary>
internal sealed class SandboxViolationException(string message) : Exception(message);
