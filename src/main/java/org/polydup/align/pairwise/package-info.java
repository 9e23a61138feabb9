/**
 * Pairwise alignment, the align stage's step between candidates and matching: aligns the entity
 * keys of two texts, in order, and names their relation. Entry point: {@link
 * org.polydup.align.pairwise.Aligner}, which turns two {@link
 * org.polydup.align.extract.EntityProfile}s into an {@link
 * org.polydup.align.pairwise.AlignmentResult} (translation, derived, related or none, with the
 * aligned entity pairs as evidence) under {@link org.polydup.align.pairwise.AlignmentThresholds}.
 * Keys are weighted by their rarity over the corpus ({@link
 * org.polydup.align.pairwise.KeyStatistics}); the order-aware local alignment (Smith–Waterman,
 * dense or sparse) is {@code LocalAlignment}, the densest aligned stretch {@code DensestPassage}.
 * {@link org.polydup.align.pairwise.KeySequences} (a batch) and {@link
 * org.polydup.align.pairwise.QuerySequences} (one incremental query) build each document's key
 * sequences once for all its alignments; they are public for the matcher in {@code
 * org.polydup.align} only.
 */
package org.polydup.align.pairwise;
