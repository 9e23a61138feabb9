package org.polydup;

/**
 * One aligned entity pair: the same name, number or date found in both documents, with its
 * character offsets in each raw text.
 *
 * @param key the language-independent key both sides mapped to (e.g. {@code "shanghai"})
 * @param aStart first char in document a
 * @param aEnd one past the last char in document a
 * @param bStart first char in document b
 * @param bEnd one past the last char in document b
 */
public record EntityLink(String key, int aStart, int aEnd, int bStart, int bEnd) {}
