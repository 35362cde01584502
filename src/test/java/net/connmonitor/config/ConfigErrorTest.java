package net.connmonitor.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ConfigErrorTest {

  @Test
  void aTokenErrorNamesLineTokenProblemAndWhatIsExpected() {
    ConfigError error = new ConfigError(3, "pings=5", "unknown option; expected one of ping");
    assertEquals("line 3: \"pings=5\": unknown option; expected one of ping", error.message());
    assertEquals(error.message(), error.toString());
  }

  @Test
  void lineAndTokenAreLeftOutWhenThereAreNone() {
    assertEquals("line 2: invalid UTF-8 (byte 0xFF); expected text encoded in UTF-8",
        ConfigError.invalidUtf8(2, new byte[] {(byte) 0xFF}).message());
    assertEquals("no host to monitor; expected at least one line HOST [NAME=VALUE ...]",
        ConfigError.noHost().message());
  }

  @Test
  void quotesBackslashesAndInvisibleCharactersInATokenAreEscaped() {
    // quote, backslash, ESC, right-to-left override, a lone surrogate; an emoji is printable and stays.
    String token = "a\"b\\c\u001Bd\u202Ee\uD800f\uD83D\uDE00";
    assertEquals("line 1: \"a\\\"b\\\\c\\u001Bd\\u202Ee\\uD800f\uD83D\uDE00\": problem",
        new ConfigError(1, token, "problem").message());
  }

  @Test
  void aTokenOfSixtyCharactersIsShownWhole() {
    String token = "a".repeat(60);
    assertEquals("line 1: \"" + token + "\": problem", new ConfigError(1, token, "problem").message());
  }

  @Test
  void aLongerTokenIsCutAtSixtyCharactersAndGivesItsLength() {
    String token = "b".repeat(61);
    assertEquals("line 1: \"" + "b".repeat(60) + "…\" (61 characters): problem",
        new ConfigError(1, token, "problem").message());
  }

  @Test
  void theCutCountsTheEscapesShownAndNeverSplitsOneOrAPair() {
    // 10 x "\\u0001" is 60 characters shown; the 11th escape would pass 60, so the cut falls before it.
    String controls = "\u0001".repeat(20);
    assertEquals("line 2: \"" + "\\u0001".repeat(10) + "…\" (20 characters): problem",
        new ConfigError(2, controls, "problem").message());
    // 59 letters, then an emoji: one character, but two chars, the second of which would be the 61st.
    String emoji = "c".repeat(59) + "\uD83D\uDE00" + "dd";
    assertEquals("line 3: \"" + "c".repeat(59) + "…\" (62 characters): problem",
        new ConfigError(3, emoji, "problem").message());
  }

  @Test
  void theWholeTokenIsKept() {
    ConfigError error = new ConfigError(1, "e".repeat(1000), "problem");
    assertEquals("e".repeat(1000), error.token());
  }

  @Test
  void withAndWithoutToken() {
    ConfigError withToken = new ConfigError(4, "hops=0", "value out of range for hops");
    assertEquals("line 4: \"hops=0\": value out of range for hops", withToken.message());
    assertEquals(new ConfigError(4, "hops=0", "value out of range for hops"), withToken);
    ConfigError withoutToken = ConfigError.noHost();
    assertEquals(new ConfigError(0, null, "no host to monitor; expected at least one line HOST [NAME=VALUE ...]"),
        withoutToken);
  }
}
