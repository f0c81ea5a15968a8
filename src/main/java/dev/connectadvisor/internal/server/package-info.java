/**
 * The HTTP decision service and its reload of a watched rules folder.
 *
 * <p><strong>Not API.</strong> Everything under {@code dev.connectadvisor.internal} may change
 * in any release without notice; callers use {@link dev.connectadvisor.ConnectAdvisor} and the
 * types of {@code dev.connectadvisor}.
 */
package dev.connectadvisor.internal.server;
