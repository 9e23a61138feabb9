package org.polydup.sketch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.polydup.internal.Mixing;

class DistinctCounterTest {
  /**
   * From 2^28 expected values on, {@code highestOneBit(n) << 3} overflows an int; the table came
   * out at 64 slots and the 65th distinct value probed forever. Between 2^26 and 2^28 it asked for
   * 4 to 8 GB. The presized table now stays within its cap for every count.
   */
  @Test
  void reset_withHugeExpectedCount_keepsTableWithinCap() {
    for (int expected : new int[] {1 << 28, 1 << 30, Integer.MAX_VALUE, 1 << 26, 1 << 19}) {
      assertEquals(
          DistinctCounter.MAX_PRESIZED_CAPACITY,
          DistinctCounter.presizedCapacity(expected),
          "expected values " + expected);
    }
    assertEquals(64, DistinctCounter.presizedCapacity(0));
    assertEquals(64, DistinctCounter.presizedCapacity(8));
    assertEquals(1024, DistinctCounter.presizedCapacity(200));
  }

  /**
   * More distinct values than the table was sized for (a capped presize, or a wrong guess) make it
   * grow; the count stays exact.
   */
  @Test
  void add_pastPresizedCapacity_growsAndCountsExactly() {
    DistinctCounter counter = new DistinctCounter();
    SplittableRandom random = new SplittableRandom(7);
    for (int round = 0; round < 2; round++) {
      counter.reset(1);
      int distinct = 100_000 - 30_000 * round;
      counter.add(0);
      for (int i = 1; i <= distinct; i++) {
        long value = Mixing.fmix64(i + 1_000_000L * round);
        addWithFreeSlot(counter, value);
        if (random.nextInt(4) == 0) {
          counter.add(Mixing.fmix64(1 + random.nextInt(i) + 1_000_000L * round)); // a repeat
          counter.add(0);
        }
      }
      assertEquals(distinct + 1, counter.count(), "round " + round);
      assertTrue(counter.capacity() >= 2 * distinct, "capacity " + counter.capacity());
    }
  }

  /** The reset after a grown run clears what the next run uses: counts do not leak. */
  @Test
  void reset_afterGrownRun_startsFromZero() {
    DistinctCounter counter = new DistinctCounter();
    counter.reset(1);
    for (int i = 1; i <= 5_000; i++) {
      addWithFreeSlot(counter, Mixing.fmix64(i));
    }
    counter.reset(10);
    for (int i = 1; i <= 10; i++) {
      counter.add(Mixing.fmix64(i));
      counter.add(Mixing.fmix64(i));
    }
    assertEquals(10, counter.count());
  }

  /**
   * A table grown for a huge document shrinks at the next small one: the counter is kept per
   * thread, and a service's threads live for months.
   */
  @Test
  void reset_afterAHugeDocument_shrinksTheTableBack() {
    DistinctCounter counter = new DistinctCounter();
    counter.reset(1 << 20);
    assertEquals(DistinctCounter.MAX_PRESIZED_CAPACITY, counter.retainedSlots());
    counter.reset(200);
    assertTrue(
        counter.retainedSlots() <= DistinctCounter.RETAINED_CAPACITY,
        "kept " + counter.retainedSlots() + " slots");
    counter.reset(DistinctCounter.RETAINED_CAPACITY / 8);
    long kept = counter.retainedSlots();
    counter.reset(10);
    assertEquals(kept, counter.retainedSlots(), "a table within the retained size is reused");
  }

  /**
   * Adds after checking the table has a free slot: a table that stopped growing then fails the test
   * instead of probing forever.
   */
  private static void addWithFreeSlot(DistinctCounter counter, long value) {
    assertTrue(counter.count() < counter.capacity(), () -> "table full at " + counter.count());
    counter.add(value);
  }
}
