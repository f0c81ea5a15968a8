/**
 * The verdict table as the rule author wrote it: its companion rule base (one diagnostic rule per row and condition cell, generated from the table) and the explanations read from it.
 *
 * <p><strong>Not API.</strong> Everything under {@code dev.connectadvisor.internal} may change
 * in any release without notice; callers use {@link dev.connectadvisor.ConnectAdvisor} and the
 * types of {@code dev.connectadvisor}.
 */
package dev.connectadvisor.internal.policy;
