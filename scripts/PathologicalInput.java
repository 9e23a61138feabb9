import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;
import org.polydup.Detector;
import org.polydup.Document;
import org.polydup.Polydup;

/**
 * Time of one {@code add} (alignment on, one thread) of pathological documents of 20,000 and
 * 80,000 characters: text that once made the analysis quadratic. Linear code takes about 4x as
 * long for the longer one; quadratic code about 16x. Run it with two jars in one session to
 * compare them (session 19's table in docs/MEASUREMENTS.md):
 *
 * <pre>
 * java -cp target/polydup-0.1.0-SNAPSHOT-cli.jar scripts/PathologicalInput.java
 * </pre>
 */
public class PathologicalInput {
  public static void main(String[] args) {
    Map<String, IntFunction<String>> cases = new LinkedHashMap<>();
    cases.put("letters+colon", n -> "abcdefghij".repeat(n / 10) + ":");
    cases.put(
        "math bold words",
        n -> "\uD835\uDC07\uD835\uDC1E\uD835\uDC25\uD835\uDC25\uD835\uDC28 ".repeat(n / 11));
    cases.put("comment openers", n -> "<!-- ".repeat(n / 5));
    cases.put("mark storm", n -> "a" + "\u0301\u0316".repeat(n / 2));
    cases.put("decomposing marks", n -> "a" + "\u0F73".repeat(n));
    cases.put("dot runs", n -> "a.".repeat(n / 2));
    cases.put("number lists", n -> "101 202 303 ".repeat(n / 12));
    for (Map.Entry<String, IntFunction<String>> c : cases.entrySet()) {
      StringBuilder line = new StringBuilder(c.getKey());
      for (int n : new int[] {20_000, 80_000}) {
        Detector detector = Polydup.builder().threads(1).build();
        detector.add(Document.of("warm-up", c.getValue().apply(2_000)));
        long start = System.nanoTime();
        try {
          detector.add(Document.of("x", c.getValue().apply(n)));
          line.append(
              String.format(
                  Locale.ROOT, "  %,d chars: %.2f s", n, (System.nanoTime() - start) / 1e9));
        } catch (RuntimeException | StackOverflowError e) {
          line.append(String.format(Locale.ROOT, "  %,d chars: threw %s", n, e));
        }
      }
      System.out.println(line);
    }
  }
}
