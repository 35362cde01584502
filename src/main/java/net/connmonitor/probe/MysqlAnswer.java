package net.connmonitor.probe;

/**
 * What a MySQL or MariaDB server said in its greeting.
 *
 * @param rttMs   from starting the connection to the first bytes of the greeting, in milliseconds
 * @param version the server version the greeting carries, whole, without MariaDB's {@code 5.5.5-} prefix
 */
public record MysqlAnswer(double rttMs, String version) {
}
