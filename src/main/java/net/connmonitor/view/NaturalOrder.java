package net.connmonitor.view;

import java.util.Comparator;

/**
 * Names as people sort them: runs of digits compared as numbers, so that 127.0.0.2 comes before 127.0.0.10 and
 * web9 before web10; the rest character by character.
 */
final class NaturalOrder implements Comparator<String> {

  static final NaturalOrder INSTANCE = new NaturalOrder();

  private NaturalOrder() {
  }

  @Override
  public int compare(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      char x = a.charAt(i);
      char y = b.charAt(j);
      if (isDigit(x) && isDigit(y)) {
        int endA = digitsEnd(a, i);
        int endB = digitsEnd(b, j);
        int order = compareNumbers(a, i, endA, b, j, endB);
        if (order != 0) {
          return order;
        }
        i = endA;
        j = endB;
      } else if (x != y) {
        return Character.compare(x, y);
      } else {
        i++;
        j++;
      }
    }
    int order = Integer.compare(a.length() - i, b.length() - j);
    return order != 0 ? order : a.compareTo(b);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static int digitsEnd(String text, int from) {
    int end = from;
    while (end < text.length() && isDigit(text.charAt(end))) {
      end++;
    }
    return end;
  }

  /** Without leading zeros, a longer run is a larger number; runs of one length compare digit by digit. */
  private static int compareNumbers(String a, int fromA, int endA, String b, int fromB, int endB) {
    while (fromA < endA - 1 && a.charAt(fromA) == '0') {
      fromA++;
    }
    while (fromB < endB - 1 && b.charAt(fromB) == '0') {
      fromB++;
    }
    if (endA - fromA != endB - fromB) {
      return Integer.compare(endA - fromA, endB - fromB);
    }
    for (; fromA < endA; fromA++, fromB++) {
      if (a.charAt(fromA) != b.charAt(fromB)) {
        return Character.compare(a.charAt(fromA), b.charAt(fromB));
      }
    }
    return 0;
  }
}
