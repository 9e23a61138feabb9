package org.polydup.sketch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.polydup.IncompatibleDataException;

class MinHashSignatureSerializationTest {
  private static final long[] GOLDEN_INPUT = {1L, 2L, 3L, 42L, -7L, Long.MAX_VALUE, 0L, 1L};

  /**
   * Pins the one-pass scheme's exact output. If this fails, signatures stored by earlier versions
   * no longer compare with new ones: bump {@link MinHashSignature#FORMAT_VERSION} (or revert).
   */
  @Test
  void golden_onePassSignature_hasPinnedValuesAndBytes() {
    MinHashSignature signature = MinHasher.create(8, 42L).sign(GOLDEN_INPUT);
    assertEquals(7, signature.setSize());
    assertEquals(GOLDEN_VALUES, Arrays.toString(signature.values()));
    assertEquals(GOLDEN_HEX, HexFormat.of().formatHex(signature.toBytes()));
  }

  /** Pins the classic reference's exact output. */
  @Test
  void golden_classicSignature_hasPinnedValues() {
    MinHashSignature signature = ClassicMinHasher.create(8, 42L).sign(GOLDEN_INPUT);
    assertEquals(GOLDEN_CLASSIC_VALUES, Arrays.toString(signature.values()));
  }

  @Test
  void toBytes_roundTrips() {
    MinHasher hasher = MinHasher.create(128, -3L);
    MinHashSignature signature = hasher.sign(GOLDEN_INPUT);
    byte[] bytes = signature.toBytes();
    assertEquals(21 + 4 * 128, bytes.length);
    assertEquals(signature, MinHashSignature.fromBytes(bytes));
    assertEquals(signature, hasher.decode(bytes));
    MinHashSignature empty = hasher.sign(new long[0]);
    assertEquals(empty, MinHashSignature.fromBytes(empty.toBytes()));
  }

  @Test
  void decode_rejectsSignatureOfOtherSeedOrSize() {
    byte[] bytes = MinHasher.create(64, 1L).sign(GOLDEN_INPUT).toBytes();
    IncompatibleDataException seed =
        assertThrows(IncompatibleDataException.class, () -> MinHasher.create(64, 2L).decode(bytes));
    assertTrue(seed.getMessage().contains("seed 1"), seed.getMessage());
    assertThrows(IncompatibleDataException.class, () -> MinHasher.create(128, 1L).decode(bytes));
  }

  @Test
  void fromBytes_rejectsCorruptData() {
    byte[] good = MinHasher.create(16, 1L).sign(GOLDEN_INPUT).toBytes();
    byte[] badMagic = good.clone();
    badMagic[0] = 'X';
    byte[] badVersion = good.clone();
    badVersion[4] = 99;
    byte[] truncated = Arrays.copyOf(good, good.length - 1);
    byte[] tooShortForHeader = Arrays.copyOf(good, 10);
    byte[] badK = good.clone();
    badK[13] = 0x7F;
    for (byte[] bytes : new byte[][] {badMagic, badVersion, truncated, tooShortForHeader, badK}) {
      assertThrows(IncompatibleDataException.class, () -> MinHashSignature.fromBytes(bytes));
    }
    IncompatibleDataException version =
        assertThrows(IncompatibleDataException.class, () -> MinHashSignature.fromBytes(badVersion));
    assertEquals("unsupported signature format version: expected 1, got 99", version.getMessage());
    assertArrayEquals(good, MinHashSignature.fromBytes(good).toBytes());
  }

  private static final String GOLDEN_VALUES =
      "[-435920504, -1457710010, 640274249, -301313521, 1971379204, 1971379204, -1457710010, 640274249]";
  private static final String GOLDEN_HEX =
      "50444d4801000000000000002a0000000800000007"
          + "e6046188a91d1c462629cf49ee0a520f7580dc047580dc04a91d1c462629cf49";
  private static final String GOLDEN_CLASSIC_VALUES =
      "[992206595, 936410102, 399253713, 194317941, 8811432, 176611279, 121591532, 564136087]";
}
