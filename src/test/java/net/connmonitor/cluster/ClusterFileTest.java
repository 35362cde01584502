package net.connmonitor.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import net.connmonitor.config.ConfigError;
import org.junit.jupiter.api.Test;

class ClusterFileTest {

  @Test
  void readsEveryKey() {
    ClusterFile file = parse("""
        # site A
        vantage=site-a
        listen=198.18.40.2:7800
        join=198.18.40.2:7800, [2001:db8:0:41::2]:7800,monitor.example:7800
        key=/etc/connmonitor/cluster.key
        """).file().orElseThrow();
    assertEquals(new ClusterFile("site-a", new NodeAddress("198.18.40.2", 7800),
        List.of(new NodeAddress("198.18.40.2", 7800), new NodeAddress("2001:db8:0:41::2", 7800),
            new NodeAddress("monitor.example", 7800)),
        Path.of("/etc/connmonitor/cluster.key")), file);
    assertEquals(7801, file.listen().eventBusPort());
    assertEquals("[2001:db8:0:41::2]:7800", file.join().get(1).toString());
  }

  @Test
  void theVantageDefaultsToTheHostName() {
    assertEquals("host-1", parse("listen=127.0.0.1:7800\njoin=127.0.0.1:7800\nkey=k\n").file().orElseThrow().vantage());
  }

  @Test
  void errorsSayTheLineAndWhatIsExpected() {
    List<String> errors = parse("""
        vantage=no spaces
        listen=monitor.example:7800
        join=198.18.40.2
        color=blue
        join=198.18.40.2:7800
        """).errors().stream().map(ConfigError::message).toList();
    assertEquals(6, errors.size(), errors.toString());
    assertTrue(errors.get(0).startsWith("line 4: \"color=blue\": expected KEY=VALUE with KEY one of vantage, listen,"),
        errors.get(0));
    assertTrue(errors.get(1).startsWith("line 5: \"join=198.18.40.2:7800\": join repeated"), errors.get(1));
    assertTrue(errors.get(2).startsWith("line 1: \"no spaces\": invalid vantage;"), errors.get(2));
    assertTrue(errors.get(3).startsWith("line 2: \"monitor.example:7800\": invalid listen; expected ADDRESS:PORT"),
        errors.get(3));
    assertTrue(errors.get(4).startsWith("line 3: \"198.18.40.2\": invalid join;"), errors.get(4));
    assertTrue(errors.get(5).startsWith("no key=; expected one line key="), errors.get(5));
  }

  @Test
  void theLastPortIsTheEventBusOfTheOneBefore() {
    assertEquals(1, parse("listen=127.0.0.1:65535\njoin=127.0.0.1:1\nkey=k\n").errors().size());
  }

  private static ClusterFile.Parsed parse(String text) {
    return ClusterFile.parse(text.getBytes(StandardCharsets.UTF_8), "host-1");
  }
}
