package net.connmonitor.packaging;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vafer.jdeb.Console;
import org.vafer.jdeb.DataProducer;
import org.vafer.jdeb.DebMaker;
import org.vafer.jdeb.PackagingException;
import org.vafer.jdeb.mapping.Mapper;
import org.vafer.jdeb.mapping.PermMapper;
import org.vafer.jdeb.producers.DataProducerFile;

/**
 * Writes {@code connmonitor_VERSION_all.deb} with jdeb: the layout's files for Debian, the maintainer scripts and
 * control template of {@code debian/control} (the scripts given the commands that create the service's user), and
 * the conffiles list made from the layout's configuration files.
 */
final class DebWriter {

  private DebWriter() {
  }

  /** @return the package written */
  static Path write(PackageInfo info, InstallLayout layout, Path project, Path build)
      throws IOException, PackagingException {
    List<DataProducer> data = new ArrayList<>();
    List<DataProducer> conffiles = new ArrayList<>();
    for (InstalledFile file : layout.files(Format.DEB)) {
      Mapper owner = new PermMapper(0, 0, "root", "root", file.mode(), 0755, 0, null);
      DataProducer producer = new DataProducerFile(file.source().toFile(), file.path(), null, null,
          new Mapper[] {owner});
      data.add(producer);
      if (file.kind() == Kind.CONFIG) {
        conffiles.add(producer);
      }
    }
    Path deb = build.resolve(info.name() + "_" + info.version() + "_all.deb");
    DebMaker maker = new DebMaker(new QuietConsole(), data, conffiles);
    maker.setControl(project.resolve("debian/control").toFile());
    maker.setDeb(deb.toFile());
    // jdeb fills the [[name]] placeholders of the control file and of the maintainer scripts.
    Map<String, String> values = new HashMap<>(info.debianControlValues());
    values.put("sysusers", SysusersScript.commands(InstallLayout.sysusers(project)));
    maker.setResolver(values::get);
    maker.validate();
    maker.makeDeb();
    return deb;
  }

  /** jdeb's chatter is per file; Maven's log already says what is built. */
  private static final class QuietConsole implements Console {

    @Override
    public void debug(String message) {
    }

    @Override
    public void info(String message) {
    }

    @Override
    public void warn(String message) {
      System.err.println("[jdeb] " + message);
    }
  }
}
