package org.polydup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.polydup.verify.BoilerplatePositions;
import org.polydup.verify.ShingleRarity;

/**
 * A pair is judged the same whichever of its texts is a, in a query (b's boilerplate computed from
 * the rarity) as in a batch (both given). Two stories of equal length share only a footer that the
 * rarity marks as boilerplate: no copy, either way round.
 */
class PairJudgeOrientationTest {
  private static final String FOOTER =
      "Subscribe to our newsletter for the latest updates from the city council and the regional"
          + " government offices every single morning before work. Follow us on social media to"
          + " stay informed about local events and breaking news stories as they happen across"
          + " the whole region today. Readers can also send their own photographs and tips to the"
          + " editorial desk by email or through the form on our website at any hour. ";

  @Test
  void equalLengthStoriesSharingOnlyBoilerplate_areNoCopy_inEitherOrder() {
    DefaultDetector detector = (DefaultDetector) Polydup.builder().crossLanguage(false).build();
    Configuration configuration = detector.configuration();
    Fingerprinter fingerprinter = new Fingerprinter(configuration);
    Fingerprint harbour =
        fingerprinter.fingerprint(
            "The harbour authority announced on Tuesday that the new passenger ferry terminal"
                + " will open next spring after three years of construction delays and rising"
                + " costs for the port. Officials said passenger numbers are expected to double"
                + " within five years once the second berth is completed by the contractor. The"
                + " mayor welcomed the decision and promised that local residents would receive"
                + " discounted tickets during the first summer of operation at the terminal. "
                + FOOTER);
    Fingerprint bakery =
        fingerprinter.fingerprint(
            "A local bakery celebrated fifty years of business on Sunday with free bread for"
                + " every visitor who came to the market square today. The owner said her"
                + " grandmother started the shop with one oven and a borrowed table after the war"
                + " ended in that year long ago. Customers lined up around the block and several"
                + " former employees returned to help serve coffee and cake to the crowd during"
                + " the busy afternoon. "
                + FOOTER);
    assertEquals(harbour.shingles().length(), bakery.shingles().length());
    Set<Long> common = new HashSet<>();
    for (long h : fingerprinter.fingerprint(FOOTER).shingles().distinct()) {
      common.add(h);
    }
    ShingleRarity rarity = common::contains;
    BoilerplatePositions harbourFooter = BoilerplatePositions.of(harbour.shingles(), rarity);
    BoilerplatePositions bakeryFooter = BoilerplatePositions.of(bakery.shingles(), rarity);
    PairJudge judge = new PairJudge(configuration);

    assertNull(judge.judge("z", harbour, harbourFooter, "a", bakery, rarity, id -> "en"));
    assertNull(judge.judge("a", bakery, bakeryFooter, "z", harbour, rarity, id -> "en"));
    assertNull(judge.judge("z", harbour, harbourFooter, "a", bakery, bakeryFooter, id -> "en"));
  }
}
