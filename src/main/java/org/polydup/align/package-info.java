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
 * the relation. {@link org.polydup.align.ParagraphShape} aligns two texts' paragraph lengths
 * (Gale-Church) as evidence that needs no shared entity. {@link
 * org.polydup.align.CrossLanguageMatcher} runs the whole stage on a batch.
 *
 * <p>Measured by {@code org.polydup.eval.CrossLanguageEvaluation} (see its Javadoc for the
 * command), with the default thresholds, at the commit that added these lines:
 *
 * <ul>
 *   <li>xling, documents of 400 chars or more, all languages pooled (2,930 documents, 2,998 gold
 *       cross-language pairs): P 0.878, R 0.687, F1 0.771, recall@1 0.889; by length of the shorter
 *       text: 400-1,000 F1 0.647, 1,000-3,000 F1 0.859, over 3,000 F1 0.920.
 *   <li>rewrites, 400 chars or more (3,936 documents, 8,954 gold pairs): P 0.931, R 0.986, F1
 *       0.958; zh 0.958, ja 0.979. Many "false positives" are real shared passages: support-chat
 *       templates reused across different WMT documents.
 *   <li>seeds: every row of {@code expected.tsv} right except 003-002 (missed).
 *   <li>cost: the whole stage on bulk (102,956 documents, {@code CrossLanguageEvaluation
 *       ../shared/data --bulk}) took 299 s on 2 cores, 172 documents per second per core; not yet
 *       compared with the core scan in the same run.
 * </ul>
 */
package org.polydup.align;
