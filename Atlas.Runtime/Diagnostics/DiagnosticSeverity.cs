namespace Atlas.Diagnostics;

/// <summary>Whether a diagnostic stops the program.</summary>
public enum DiagnosticSeverity { Error, Warning }
