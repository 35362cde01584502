package net.connmonitor.packaging;

/** How the package manager treats an installed file. */
enum Kind {
  /** Replaced by every upgrade. */
  PLAIN,
  /** The operator's to edit: a conffile (.deb), {@code %config(noreplace)} (.rpm). */
  CONFIG,
  /** Documentation: {@code %doc} (.rpm); dpkg makes no difference. */
  DOC,
  /** The licence text: {@code %license} (.rpm); Debian's is the copyright file, a plain file. */
  LICENSE
}
