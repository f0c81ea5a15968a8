/**
 * The declaration of the Situation's fields, from which every surface (JSON, flags, scenario columns, OpenAPI, the exhaustive walk, the docs) is derived.
 *
 * <p><strong>Not API.</strong> Everything under {@code dev.connectadvisor.internal} may change
 * in any release without notice; callers use {@link dev.connectadvisor.ConnectAdvisor} and the
 * types of {@code dev.connectadvisor}.
 */
package dev.connectadvisor.internal.situation;
