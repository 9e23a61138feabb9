package org.polydup;

import org.polydup.align.IncrementalMatcher;

/**
 * What add and query compute from a document's text, outside the index lock ({@link
 * DocumentAnalyser}): the document as cut, its fingerprint, its language, and its entities and
 * structure ({@code null} without cross-language matching).
 */
record AnalysedDocument(
    Document document,
    Fingerprint fingerprint,
    String language,
    IncrementalMatcher.Profile profile) {}
