package net.connmonitor.packaging;

import java.nio.file.Path;
import java.util.Set;

/**
 * One file a package installs, owned by root.
 *
 * @param path    where it is installed
 * @param source  the file in the build that is installed there
 * @param mode    its permission bits
 * @param formats the packages that carry it: the two distributions differ in a few places (the unit's directory,
 *                how the licence and the changelog are shipped)
 */
record InstalledFile(String path, Path source, int mode, Kind kind, Set<Format> formats) {

  InstalledFile {
    formats = Set.copyOf(formats);
  }
}
