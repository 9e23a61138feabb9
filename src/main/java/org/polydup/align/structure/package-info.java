/**
 * Paragraph-structure evidence for the align stage: what two texts' paragraph lengths say about
 * whether one translates the other, which needs no shared name (chats, forum threads, reviews).
 * Entry point: {@link org.polydup.align.structure.ParagraphShape}, a text's weighted paragraph
 * lengths and their Gale–Church alignment and distance to another's (the dynamic programme itself
 * in {@code GaleChurchProgramme}); {@link org.polydup.align.structure.ParagraphEvidence} shows the
 * paragraphs an alignment pairs. {@link org.polydup.align.structure.StructureIndex} (a batch) and
 * {@link org.polydup.align.structure.GrowingStructureIndex} (documents one at a time) find pairs
 * whose structures may agree by p-stable LSH over paragraph shares, without comparing every pair.
 * The rules that weigh this evidence against names and rivals ({@code ShapeAgreements}, {@code
 * StructureRule}, {@code QueryStructure}) belong to the matcher in {@code org.polydup.align}.
 */
package org.polydup.align.structure;
