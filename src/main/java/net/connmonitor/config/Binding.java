package net.connmonitor.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Where a host line's probes leave from: its {@code source=} must be an address of this machine, its
 * {@code interface=} one of its interfaces, and the source, the family and an address given as the host must be of
 * one family. Checked as the line is read, so that a wrong value is an error of its line at start and on reload.
 */
final class Binding {

  /** An error lists at most this many of the machine's addresses or interfaces. */
  private static final int LISTED = 10;

  private Binding() {
  }

  static List<ConfigError> check(int line, String host, OptionValues given, Map<Option<?>, String> tokens,
      Supplier<LocalNetwork> network) {
    List<ConfigError> errors = new ArrayList<>();
    Optional<String> source = given.get(Option.SOURCE);
    Optional<String> interfaceName = given.get(Option.INTERFACE);
    FamilyChoice family = given.get(Option.FAMILY);
    source.filter(address -> !network.get().addresses().contains(address)).ifPresent(address ->
        errors.add(ConfigError.notLocal(line, tokens.get(Option.SOURCE), some(network.get().addresses()))));
    interfaceName.filter(name -> !network.get().interfaces().contains(name)).ifPresent(name ->
        errors.add(ConfigError.noSuchInterface(line, tokens.get(Option.INTERFACE), some(network.get().interfaces()))));
    FamilyChoice sourceFamily = source.map(Binding::familyOf).orElse(FamilyChoice.ANY);
    FamilyChoice hostFamily = literalFamily(host);
    if (sourceFamily != FamilyChoice.ANY && family != FamilyChoice.ANY && sourceFamily != family) {
      String familyToken = Option.FAMILY.keyword() + "=" + Option.FAMILY.written(family);
      errors.add(ConfigError.otherFamily(line, tokens.get(Option.SOURCE), familyToken));
    } else if (sourceFamily != FamilyChoice.ANY && hostFamily != FamilyChoice.ANY && sourceFamily != hostFamily) {
      errors.add(ConfigError.otherFamily(line, tokens.get(Option.SOURCE), "the host " + host));
    } else if (family != FamilyChoice.ANY && hostFamily != FamilyChoice.ANY && family != hostFamily) {
      errors.add(ConfigError.otherFamily(line, tokens.get(Option.FAMILY), "the host " + host));
    }
    return errors;
  }

  private static FamilyChoice familyOf(String address) {
    return IpLiteral.isIpv4(address) ? FamilyChoice.V4 : FamilyChoice.V6;
  }

  private static FamilyChoice literalFamily(String host) {
    if (IpLiteral.isIpv4(host)) {
      return FamilyChoice.V4;
    }
    return IpLiteral.isIpv6(host) ? FamilyChoice.V6 : FamilyChoice.ANY;
  }

  private static String some(Set<String> known) {
    if (known.isEmpty()) {
      return "none could be listed";
    }
    List<String> first = known.stream().limit(LISTED).toList();
    return String.join(", ", first) + (known.size() > LISTED ? ", ..." : "");
  }
}
