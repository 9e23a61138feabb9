package org.polydup;

/**
 * A document that could not be processed, or not wholly, and why. A scan reports these instead of
 * failing: one bad document never loses the others' results. A document that could not be
 * fingerprinted is left out of the scan; one whose entities could not be extracted is compared
 * without them (its same-language copies are still found).
 *
 * @param documentId the document's id
 * @param message what went wrong, for a person
 */
public record DocumentProblem(String documentId, String message) {}
