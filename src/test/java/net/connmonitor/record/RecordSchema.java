package net.connmonitor.record;

import static org.junit.jupiter.api.Assertions.fail;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code records.schema.json}, the published layout of a JSON record: every test that makes or reads JSON records
 * (the formatter's, the output verticle's, the monitor run as a process, the packages) checks them here.
 */
public final class RecordSchema {

  /** Where the schema is, in the jar and in the project's resources. */
  public static final String RESOURCE = "/net/connmonitor/records.schema.json";

  private static final JsonSchema SCHEMA =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(text());

  private RecordSchema() {
  }

  /** @return what is wrong with {@code json} as a record, one message per problem; empty when it is one */
  public static Set<String> problems(String json) {
    return SCHEMA.validate(json, InputFormat.JSON).stream().map(ValidationMessage::toString)
        .collect(Collectors.toSet());
  }

  /** Fails, saying why, unless {@code json} (one line of output, a newline at its end or not) is a valid record. */
  public static void assertValid(String json) {
    Set<String> problems = problems(json);
    if (!problems.isEmpty()) {
      fail("not a record of " + RESOURCE + ": " + json.strip() + "\n  " + String.join("\n  ", problems));
    }
  }

  /** Whether a line of standard output is a JSON record rather than a line of a plain-text one. */
  public static boolean isJson(String line) {
    return line.startsWith("{");
  }

  static String text() {
    try (InputStream in = RecordSchema.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is not on the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
