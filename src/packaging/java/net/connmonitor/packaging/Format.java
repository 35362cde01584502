package net.connmonitor.packaging;

/** The two package formats written from the one install layout. */
enum Format {
  DEB,
  RPM
}
