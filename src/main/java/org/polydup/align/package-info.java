/**
 * Cross-language alignment: finds translated, retold and independently written versions of one
 * story through what survives translation (names, numbers, dates, codes, cognates) and the order in
 * which it appears.
 *
 * <p>Pipeline: {@link org.polydup.align.extract.EntityExtractor} (one per thread) turns raw text +
 * a language code into an {@link org.polydup.align.extract.EntityProfile}; {@link
 * org.polydup.align.KeyStatistics} weighs keys by IDF over the corpus being scanned; {@link
 * org.polydup.align.EntityIndex} proposes candidates from rare keys (no all-pairs); {@link
 * org.polydup.align.Aligner} aligns a candidate pair (Smith-Waterman over shared keys) and names
 * the relation. {@link org.polydup.align.structure.ParagraphShape} aligns two texts' paragraph
 * lengths (Gale-Church) as evidence that needs no shared entity. {@link
 * org.polydup.align.CrossLanguageMatcher} runs the whole stage on a batch.
 *
 * <p>How well it works, and at what cost, is measured by {@code ./polydup eval xling}, {@code eval
 * rewrites}, {@code eval align} and {@code bench}; the README's Quality and Speed sections hold the
 * current figures with their commands, and docs/MEASUREMENTS.md their history. (Figures kept here
 * went stale: this comment quoted the stage's first measurement, F1 0.771 on xling, long after it
 * reached 0.959.)
 */
package org.polydup.align;
