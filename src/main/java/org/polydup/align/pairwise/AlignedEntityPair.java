package org.polydup.align.pairwise;

import org.polydup.align.extract.Entity;

/**
 * One piece of evidence: an entity of the first text aligned with an equal-keyed entity of the
 * second.
 *
 * @param first the entity in the first text (offsets into the first raw text)
 * @param second the entity in the second text (offsets into the second raw text)
 * @param weight the IDF weight the pair contributed
 */
public record AlignedEntityPair(Entity first, Entity second, double weight) {}
