/**
 * Loading the rules (precompiled, or a folder compiled at run time), evaluating a situation in a pooled session, the advice cache and the time limit.
 *
 * <p><strong>Not API.</strong> Everything under {@code dev.connectadvisor.internal} may change
 * in any release without notice; callers use {@link dev.connectadvisor.ConnectAdvisor} and the
 * types of {@code dev.connectadvisor}.
 */
package dev.connectadvisor.internal.engine;
