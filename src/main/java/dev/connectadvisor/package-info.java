/**
 * Connect Advisor: should you connect with your interviewer on LinkedIn, and if so when and how?
 * The API: {@link dev.connectadvisor.ConnectAdvisor} (build once, call from any thread), the
 * immutable values {@link dev.connectadvisor.Situation} and {@link dev.connectadvisor.Advice},
 * the explanation, the rule and problem descriptions, and the exceptions. Everything under
 * {@code dev.connectadvisor.internal} is not API.
 *
 * <pre>{@code
 * ConnectAdvisor advisor = ConnectAdvisor.fromClasspath();
 * Advice advice = advisor.advise(Situation.builder().daysUntilInterview(10).build());
 * }</pre>
 */
package dev.connectadvisor;
