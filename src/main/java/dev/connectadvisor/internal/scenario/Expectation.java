package dev.connectadvisor.internal.scenario;

/** What a scenario row expects: an advice ({@link ExpectedAdvice}) or an error ({@link ExpectedError}). */
public sealed interface Expectation permits ExpectedAdvice, ExpectedError {
}
