package org.polydup.verify;

/**
 * Tells verification which shingles are boilerplate: phrases so many documents share (cookie
 * notices, "read also", share lines) that sharing them says nothing about copying.
 */
@FunctionalInterface
public interface ShingleRarity {
  /** Every shingle counts as informative. */
  ShingleRarity NONE = hash -> false;

  /** Whether the shingle is too common to count as evidence of copying. */
  boolean isCommon(long shingleHash);
}
