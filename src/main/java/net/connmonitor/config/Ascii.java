package net.connmonitor.config;

/** Case folding for option names and values. */
final class Ascii {

  private Ascii() {
  }

  /**
   * Lower-cases A-Z only. String.toLowerCase and equalsIgnoreCase fold non-ASCII letters too, so that
   * "ſcan" (long s) or "\u212Aey" (Kelvin sign) would pass for an ASCII keyword.
   */
  static String lowerCase(String text) {
    StringBuilder lower = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      lower.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
    }
    return lower.toString();
  }
}
