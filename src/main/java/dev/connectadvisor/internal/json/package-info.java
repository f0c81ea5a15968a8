/**
 * The JSON of the contract: strict reading of a Situation, compact writing of Advice and Error objects, and the JSONL batch loop shared by the CLI and the service.
 *
 * <p><strong>Not API.</strong> Everything under {@code dev.connectadvisor.internal} may change
 * in any release without notice; callers use {@link dev.connectadvisor.ConnectAdvisor} and the
 * types of {@code dev.connectadvisor}.
 */
package dev.connectadvisor.internal.json;
