package net.connmonitor.os;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** RunnableJarIT runs the jar as on an architecture it has no library for. */
class NativeSupportTest {

  @Test
  void findsThisMachinesLibrariesWhereNettyAndJnaLoadThemFrom() {
    assertNotNull(getClass().getClassLoader().getResource(NativeSupport.epollLibrary()), NativeSupport.epollLibrary());
    assertNotNull(getClass().getClassLoader().getResource(NativeSupport.jnaLibrary()), NativeSupport.jnaLibrary());
    assertEquals(Optional.empty(), NativeSupport.problem());
  }
}
