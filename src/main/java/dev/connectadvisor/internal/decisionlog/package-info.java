/**
 * Not API: the decision log ({@code serve --decision-log FILE}): one JSON line per decision,
 * written by one thread from a bounded queue, to a file that rotates by size.
 */
package dev.connectadvisor.internal.decisionlog;
