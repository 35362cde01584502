package net.connmonitor.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import org.junit.jupiter.api.Test;

class LocalFailureTest {

  @Test
  void noRouteOrLinkToTheHostIsThisMachinesFailure() {
    // What Netty's epoll transport throws for ENETUNREACH and EHOSTUNREACH on connect, and how Vert.x passes it on.
    IOException failure = new IOException("connect failed", new NoRouteToHostException());
    assertEquals("cannot connect to 198.18.10.2:80: No route to host",
        LocalFailure.of(failure, "connect to 198.18.10.2:80").orElseThrow().getMessage());
  }

  @Test
  void aRefusedConnectionIsTheServicesAnswer() {
    assertTrue(LocalFailure.of(new ConnectException("Connection refused"), "connect to 198.18.10.2:80").isEmpty());
  }
}
