/**
 * Scenario tables (docs/scenarios.md): read the CSV files in {@code rules/scenarios/},
 * run every row against an advisor, and report each problem and failure with file and line.
 *
 * <pre>{@code
 * ScenarioRun run = ScenarioRun.of(RuleFolder.builtIn(), advisor::advise);
 * run.report().forEach(System.out::println);   // problems, failures, then a summary line
 * run.passed();                                // false on any table problem or failing row
 * }</pre>
 *
 * <p>Reading is separate from running: {@link dev.connectadvisor.internal.scenario.ScenarioSuite} holds
 * the rows that are well formed and a {@link dev.connectadvisor.internal.scenario.ScenarioProblem} for
 * every cell or column that is not; a row with a problem is never run. Problems are collected,
 * never thrown, so a table keeper sees all of them at once.
 *
 * <p><strong>Not API.</strong> Everything under {@code dev.connectadvisor.internal} may change
 * in any release without notice; callers use {@link dev.connectadvisor.ConnectAdvisor} and the
 * types of {@code dev.connectadvisor}.
 */
package dev.connectadvisor.internal.scenario;
