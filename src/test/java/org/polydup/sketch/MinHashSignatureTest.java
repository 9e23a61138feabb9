package org.polydup.sketch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The construction contract: what the constructor accepts, {@link MinHashSignature#fromBytes} reads
 * back.
 */
class MinHashSignatureTest {
  private static final long[] SET = {1L, 2L, 3L, 42L, -7L};

  @Test
  void sign_rejectsNull_namingTheParameter_inBothSchemes() {
    assertEquals(
        "shingleHashes",
        assertThrows(NullPointerException.class, () -> MinHasher.create(8, 1).sign(null))
            .getMessage());
    assertEquals(
        "shingleHashes",
        assertThrows(NullPointerException.class, () -> ClassicMinHasher.create(8, 1).sign(null))
            .getMessage());
  }

  @Test
  void constructor_rejectsNullValues_namingTheParameter() {
    NullPointerException e =
        assertThrows(NullPointerException.class, () -> new MinHashSignature(null, 1, 0));
    assertEquals("values", e.getMessage());
  }

  @Test
  void constructor_rejectsNoSlots_whichFromBytesCouldNotReadBack() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new MinHashSignature(new int[0], 1, 0));
    assertEquals("values.length must be in [1, 4096], got 0", e.getMessage());
  }

  @Test
  void constructor_rejectsMoreSlotsThanMaxPermutations() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> new MinHashSignature(new int[5000], 1, 0));
    assertEquals("values.length must be in [1, 4096], got 5000", e.getMessage());
  }

  @Test
  void constructor_acceptsTheRangeFromBytesReads() {
    for (int slots : new int[] {1, MinHasher.MAX_PERMUTATIONS}) {
      MinHashSignature signature = new MinHashSignature(new int[slots], 3, 9);
      assertEquals(signature, MinHashSignature.fromBytes(signature.toBytes()));
    }
  }

  @Test
  void constructor_copiesValues_soChangingTheArrayLaterDoesNotChangeTheSignature() {
    int[] values = {1, 2, 3, 4};
    MinHashSignature signature = new MinHashSignature(values, 4, 0);
    values[0] = 99;
    assertEquals(1, signature.value(0));
  }

  @Test
  void values_returnsACopy_soAHashSetStillFindsTheSignature() {
    MinHashSignature signature = MinHasher.create(16, 5).sign(SET);
    Set<MinHashSignature> set = new HashSet<>(Set.of(signature));
    signature.values()[0] ^= 1;
    assertTrue(set.contains(signature));
    assertEquals(signature, MinHasher.create(16, 5).sign(SET));
  }

  @Test
  void fromBytes_null_throwsNamingTheParameter() {
    NullPointerException e =
        assertThrows(NullPointerException.class, () -> MinHashSignature.fromBytes(null));
    assertEquals("bytes", e.getMessage());
  }
}
