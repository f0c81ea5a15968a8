/**
 * The rule authors' {@code verify}: compile, metadata, scenario tables, coverage, the exhaustive walk and the impact of a change.
 *
 * <p><strong>Not API.</strong> Everything under {@code dev.connectadvisor.internal} may change
 * in any release without notice; callers use {@link dev.connectadvisor.ConnectAdvisor} and the
 * types of {@code dev.connectadvisor}.
 */
package dev.connectadvisor.internal.verify;
