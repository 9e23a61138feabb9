package org.polydup;

/**
 * A document that could not be processed, and why. A scan reports these instead of failing: one bad
 * document never loses the others' results.
 *
 * @param documentId the document's id
 * @param message what went wrong, for a person
 */
public record DocumentProblem(String documentId, String message) {}
