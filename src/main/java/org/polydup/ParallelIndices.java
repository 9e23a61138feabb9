package org.polydup;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/** Runs one task per index on a pool, balanced so that no thread waits at the end of a stage. */
final class ParallelIndices {
  /** Most indices a thread takes at once in {@link #forEach}: small against any stage. */
  private static final int MAXIMUM_BLOCK = 256;

  private ParallelIndices() {}

  /**
   * Runs {@code task} for {@code 0..count-1} on the pool's threads, which take small blocks of
   * indices from a shared counter as they go. A parallel stream instead splits the range up front
   * into about four leaves per thread, so at the end of a stage a thread could wait for the last
   * leaf of another (one that the OS ran less on a busy machine, or one with slow documents):
   * two-thread profiles showed one worker with 265 fingerprint samples and the other 146.
   */
  static void forEach(ForkJoinPool pool, int count, IntConsumer task) {
    int threads = pool.getParallelism();
    int block = Math.max(1, Math.min(MAXIMUM_BLOCK, count / (16 * threads)));
    int blocks = (count + block - 1) / block;
    AtomicInteger next = new AtomicInteger();
    Runnable drain =
        () -> {
          for (int b = next.getAndIncrement(); b < blocks; b = next.getAndIncrement()) {
            int end = Math.min(count, (b + 1) * block);
            for (int i = b * block; i < end; i++) {
              task.accept(i);
            }
          }
        };
    List<ForkJoinTask<?>> workers = new ArrayList<>();
    for (int w = 0; w < Math.min(threads, blocks); w++) {
      workers.add(ForkJoinTask.adapt(drain));
    }
    pool.submit(() -> ForkJoinTask.invokeAll(workers)).join();
  }
}
