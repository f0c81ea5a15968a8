/**
 * The facts the rules match and insert: the rule authors' vocabulary. The DRL files and decision
 * tables of {@code rules/} import these types ({@code Decision}, {@code Finding},
 * {@code Parameters}, {@code Note}, {@code NoteIssue}), so they are API for rule authors, kept
 * as stable as the public package: a rename here breaks every rules folder.
 */
package dev.connectadvisor.facts;
