/**
 * Cross-language alignment: finds translated, retold and independently written versions of one
 * story through what survives translation (names, numbers, dates, codes, cognates) and the order in
 * which it appears.
 *
 * <p>Pipeline: {@link org.polydup.align.EntityExtractor} (one per thread) turns raw text + a
 * language code into an {@link org.polydup.align.EntityProfile}; {@link
 * org.polydup.align.KeyStatistics} weighs keys by IDF over the corpus being scanned; {@link
 * org.polydup.align.EntityIndex} proposes candidates from rare keys (no all-pairs); {@link
 * org.polydup.align.Aligner} aligns a candidate pair (Smith-Waterman over shared keys) and names
 * the relation. {@link org.polydup.align.CrossLanguageMatcher} runs the whole stage on a batch.
 *
 * <p>Measured by {@code org.polydup.eval.CrossLanguageEvaluation} (see its Javadoc for the
 * command).
 */
package org.polydup.align;
