package net.connmonitor.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects findings of one kind about a configuration, keeping the first {@value ParsedConfig#LISTED} and counting
 * the rest: a file of garbage has hundreds of thousands of errors, and keeping them all would cost memory in
 * proportion, only for the operator to read the first few.
 */
final class Capped<T> {

  private final List<T> listed = new ArrayList<>();
  private int more;

  void add(T finding) {
    if (listed.size() < ParsedConfig.LISTED) {
      listed.add(finding);
    } else {
      more++;
    }
  }

  boolean isEmpty() {
    return listed.isEmpty();
  }

  List<T> listed() {
    return listed;
  }

  /** How many were counted but not kept. */
  int more() {
    return more;
  }
}
