package net.connmonitor.config;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Bytes decoded as strict UTF-8. Decoding goes on past a malformed sequence (it stands as U+FFFD in the text)
 * so that every bad line of a file is reported, not only the first.
 *
 * @param text      the decoded text
 * @param malformed the malformed sequences, in order
 */
record DecodedText(String text, List<Malformed> malformed) {

  /**
   * A malformed byte sequence.
   *
   * @param index where its U+FFFD stands in the text
   * @param bytes the sequence as it was in the input
   */
  record Malformed(int index, byte[] bytes) {
  }

  static DecodedText decode(byte[] utf8) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(utf8);
    // UTF-8 never yields more chars than bytes, and a malformed sequence is at least one byte for one U+FFFD.
    CharBuffer out = CharBuffer.allocate(utf8.length);
    List<Malformed> malformed = new ArrayList<>();
    CoderResult result;
    while (!(result = decoder.decode(in, out, true)).isUnderflow()) {
      if (!result.isError()) {
        throw new IllegalStateException("UTF-8 decoding overflowed: " + result);
      }
      byte[] bad = new byte[result.length()];
      in.get(bad);
      malformed.add(new Malformed(out.position(), bad));
      out.put('\uFFFD');
    }
    decoder.flush(out);
    return new DecodedText(out.flip().toString(), List.copyOf(malformed));
  }
}
