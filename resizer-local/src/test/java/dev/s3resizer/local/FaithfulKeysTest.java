package dev.s3resizer.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which keys the filesystem store holds as themselves, and how keys are written in logs. */
class FaithfulKeysTest {

    @Test
    void keysWithControlCharactersAreLoggedEscaped() {
        assertThat(LogText.escape("a\nb\r\u0000c\u001b[31m\\d\u2028e.jpg"))
                .isEqualTo("a\\u000ab\\u000d\\u0000c\\u001b[31m\\u005cd\\u2028e.jpg");
        assertThat(LogText.escape("café/日本 写真.jpg")).isEqualTo("café/日本 写真.jpg");
    }

    @Test
    void folderMarkersAndDotsInsideNamesAreFine() {
        assertThat(FaithfulKeys.problem("photos/")).isEmpty();
        assertThat(FaithfulKeys.problem("a.../..b/.c/c./x.jpg")).isEmpty();
        assertThat(FaithfulKeys.problem("x/./y.jpg")).hasValueSatisfying(p -> assertThat(p).contains("'.'"));
        assertThat(FaithfulKeys.problem("x//y.jpg")).hasValueSatisfying(p -> assertThat(p).contains("empty"));
    }
}
