package org.polydup.sketch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.polydup.IncompatibleDataException;
import org.polydup.MinHashScheme;

class MinHashSignatureSerializationTest {
  private static final long[] GOLDEN_INPUT = {1L, 2L, 3L, 42L, -7L, Long.MAX_VALUE, 0L, 1L};

  /**
   * Pins the one-pass scheme's exact output. If the values change, signatures stored by earlier
   * versions no longer compare with new ones: bump {@link MinHashSignature#FORMAT_VERSION} and stop
   * reading the older versions as one-pass (or revert). The bytes changed once on purpose, with the
   * values kept: version 2 added the scheme byte after the version.
   */
  @Test
  void golden_onePassSignature_hasPinnedValuesAndBytes() {
    MinHashSignature signature = MinHasher.create(8, 42L).sign(GOLDEN_INPUT);
    assertEquals(7, signature.setSize());
    assertEquals(GOLDEN_VALUES, Arrays.toString(signature.values()));
    assertEquals(GOLDEN_HEX, HexFormat.of().formatHex(signature.toBytes()));
  }

  /** Pins the classic reference's exact output, and that its bytes say "classic" (code 1). */
  @Test
  void golden_classicSignature_hasPinnedValuesAndScheme() {
    MinHashSignature signature = ClassicMinHasher.create(8, 42L).sign(GOLDEN_INPUT);
    assertEquals(GOLDEN_CLASSIC_VALUES, Arrays.toString(signature.values()));
    assertEquals(MinHashScheme.CLASSIC, signature.scheme());
    assertTrue(HexFormat.of().formatHex(signature.toBytes()).startsWith("50444d480201"));
  }

  /**
   * Version 1 (no scheme byte) is still read, as one-pass: the one-pass slot values are the same in
   * both versions, so the version-1 golden bytes decode to today's signature.
   */
  @Test
  void fromBytes_readsVersion1_asTheSameOnePassSignature() {
    byte[] version1 = HexFormat.of().parseHex(GOLDEN_VERSION_1_HEX);
    MinHashSignature expected = MinHasher.create(8, 42L).sign(GOLDEN_INPUT);
    MinHashSignature read = MinHashSignature.fromBytes(version1);
    assertEquals(expected, read);
    assertEquals(MinHashScheme.ONE_PASS, read.scheme());
    assertEquals(expected, MinHasher.create(8, 42L).decode(version1));
    assertThrows(
        IncompatibleDataException.class, () -> ClassicMinHasher.create(8, 42L).decode(version1));
  }

  @Test
  void toBytes_roundTrips_classicSignature_keepingItsScheme() {
    ClassicMinHasher hasher = ClassicMinHasher.create(64, -3L);
    MinHashSignature signature = hasher.sign(GOLDEN_INPUT);
    assertEquals(signature, MinHashSignature.fromBytes(signature.toBytes()));
    assertEquals(MinHashScheme.CLASSIC, MinHashSignature.fromBytes(signature.toBytes()).scheme());
    assertEquals(signature, hasher.decode(signature.toBytes()));
  }

  @Test
  void decode_rejectsSignatureOfTheOtherScheme_namingBoth() {
    byte[] classic = ClassicMinHasher.create(128, 42L).sign(GOLDEN_INPUT).toBytes();
    IncompatibleDataException onePassReader =
        assertThrows(
            IncompatibleDataException.class, () -> MinHasher.create(128, 42L).decode(classic));
    assertEquals(
        "signature made with the CLASSIC scheme, this hasher makes ONE_PASS signatures: the two"
            + " are not comparable",
        onePassReader.getMessage());
    byte[] onePass = MinHasher.create(128, 42L).sign(GOLDEN_INPUT).toBytes();
    IncompatibleDataException classicReader =
        assertThrows(
            IncompatibleDataException.class,
            () -> ClassicMinHasher.create(128, 42L).decode(onePass));
    assertTrue(classicReader.getMessage().contains("ONE_PASS"), classicReader.getMessage());
    assertTrue(classicReader.getMessage().contains("CLASSIC"), classicReader.getMessage());
  }

  @Test
  void fromBytes_rejectsUnknownSchemeCode() {
    byte[] bytes = MinHasher.create(16, 1L).sign(GOLDEN_INPUT).toBytes();
    bytes[5] = 7;
    IncompatibleDataException e =
        assertThrows(IncompatibleDataException.class, () -> MinHashSignature.fromBytes(bytes));
    assertEquals(
        "corrupt signature: scheme code must be 0 (one-pass) or 1 (classic), got 7",
        e.getMessage());
  }

  @Test
  void toBytes_roundTrips() {
    MinHasher hasher = MinHasher.create(128, -3L);
    MinHashSignature signature = hasher.sign(GOLDEN_INPUT);
    byte[] bytes = signature.toBytes();
    assertEquals(22 + 4 * 128, bytes.length);
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
    badK[14] = 0x7F;
    for (byte[] bytes : new byte[][] {badMagic, badVersion, truncated, tooShortForHeader, badK}) {
      assertThrows(IncompatibleDataException.class, () -> MinHashSignature.fromBytes(bytes));
    }
    IncompatibleDataException version =
        assertThrows(IncompatibleDataException.class, () -> MinHashSignature.fromBytes(badVersion));
    assertEquals(
        "unsupported signature format version: expected 2 or 1, got 99", version.getMessage());
    assertArrayEquals(good, MinHashSignature.fromBytes(good).toBytes());
  }

  private static final String GOLDEN_VALUES =
      "[-435920504, -1457710010, 640274249, -301313521, 1971379204, 1971379204, -1457710010, 640274249]";

  /** Version 2: magic, version 2, scheme 0 (one-pass), seed 42, k 8, set size 7, the slots. */
  private static final String GOLDEN_HEX =
      "50444d480200000000000000002a0000000800000007"
          + "e6046188a91d1c462629cf49ee0a520f7580dc047580dc04a91d1c462629cf49";

  /** The same signature as written by format version 1, which had no scheme byte. */
  private static final String GOLDEN_VERSION_1_HEX =
      "50444d4801000000000000002a0000000800000007"
          + "e6046188a91d1c462629cf49ee0a520f7580dc047580dc04a91d1c462629cf49";

  private static final String GOLDEN_CLASSIC_VALUES =
      "[992206595, 936410102, 399253713, 194317941, 8811432, 176611279, 121591532, 564136087]";
}
