/**
 * The command line ({@code advise}, {@code verify}, {@code serve}): parsing with picocli, and a quick path for the common one-shot call.
 *
 * <p><strong>Not API.</strong> Everything under {@code dev.connectadvisor.internal} may change
 * in any release without notice; callers use {@link dev.connectadvisor.ConnectAdvisor} and the
 * types of {@code dev.connectadvisor}.
 */
package dev.connectadvisor.internal.cli;
