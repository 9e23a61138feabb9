/**
 * Cross-language alignment: finds translated, retold and independently written versions of one
 * story through what survives translation (names, numbers, dates, codes, cognates) and the order in
 * which it appears.
 *
 * <p>Pipeline, a package per step: {@link org.polydup.align.extract} extracts, with an {@link
 * org.polydup.align.extract.EntityExtractor} (one per thread), raw text + a language code into an
 * {@link org.polydup.align.extract.EntityProfile}; {@link org.polydup.align.EntityIndex}, here,
 * proposes candidates from rare keys (no all-pairs); {@link org.polydup.align.pairwise} weighs keys
 * by IDF over the corpus being scanned ({@link org.polydup.align.pairwise.KeyStatistics}) and
 * aligns a candidate pair ({@link org.polydup.align.pairwise.Aligner}: Smith-Waterman over shared
 * keys) and names the relation; {@link org.polydup.align.structure} aligns two texts' paragraph
 * lengths ({@link org.polydup.align.structure.ParagraphShape}, Gale-Church) as evidence that needs
 * no shared entity, and indexes paragraph structures to find pairs that share no name. This package
 * keeps the candidates and the matchers that decide between them: {@link
 * org.polydup.align.CrossLanguageMatcher} runs the whole stage on a batch, {@link
 * org.polydup.align.IncrementalMatcher} on documents that arrive one at a time, with the rules they
 * share (mutual best matches, versions, triangles, structure agreements).
 *
 * <p>How well it works, and at what cost, is measured by {@code ./polydup eval xling}, {@code eval
 * rewrites}, {@code eval align} and {@code bench}; the README's Quality and Speed sections hold the
 * current figures with their commands, and docs/MEASUREMENTS.md their history. (Figures kept here
 * went stale: this comment quoted the stage's first measurement, F1 0.771 on xling, long after it
 * reached 0.959.)
 */
package org.polydup.align;
