package org.polydup;

/**
 * One aligned entity pair: the same name, number or date found in both documents, with its
 * character offsets and surface form in each raw text.
 *
 * @param kind what was aligned ({@code name}, {@code number}, {@code date}, ...)
 * @param surfaceA the entity as written in document a
 * @param aStart first char in document a
 * @param aEnd one past the last char in document a
 * @param surfaceB the entity as written in document b
 * @param bStart first char in document b
 * @param bEnd one past the last char in document b
 */
public record EntityLink(
    String kind, String surfaceA, int aStart, int aEnd, String surfaceB, int bStart, int bEnd) {}
