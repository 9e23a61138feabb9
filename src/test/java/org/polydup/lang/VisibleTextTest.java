package org.polydup.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** What {@link VisibleText} removes: comments and tags, as a reader never sees them. */
class VisibleTextTest {
  @Test
  void withoutComments_removesClosedComments_andLeavesUnclosedOrOverlongOnesAsText() {
    assertEquals("a b", VisibleText.withoutComments("a<!-- x -->b"));
    assertEquals("a b c", VisibleText.withoutComments("a<!--1-->b<!--2-->c"));
    assertEquals("a<!-- never closed", VisibleText.withoutComments("a<!-- never closed"));
    assertEquals("<!-->x", VisibleText.withoutComments("<!-->x"), "the closer overlaps the opener");
    String overlong = "<!--" + "x".repeat(5000) + "-->";
    assertEquals(overlong, VisibleText.withoutComments(overlong));
    // An overlong opener, then one close enough to the same closer: that one is a comment.
    String nested = "<!--" + "x".repeat(5000) + "<!-- y -->z";
    assertEquals("<!--" + "x".repeat(5000) + " z", VisibleText.withoutComments(nested));
  }

  @Test
  void of_dropsTagsAndCommentsAndDecodesEntities() {
    assertEquals(
        " שלום  עולם ", VisibleText.of("<p class=\"lead\">שלום<!-- c --> &#1506;ולם</p>", 1000));
  }
}
