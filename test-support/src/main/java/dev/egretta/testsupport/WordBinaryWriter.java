package dev.egretta.testsupport;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * Writes the smallest Word 97-2003 binary document ({@code .doc}) that Word readers accept: an OLE2
 * file with a {@code WordDocument} stream (the File Information Block, then the text as UTF-16LE) and
 * a {@code 1Table} stream (document properties, an empty style sheet, and the piece table that says
 * where the text lies). POI's HWPF can only edit an existing {@code .doc}, not start one, so tests write
 * the structures of [MS-DOC] themselves; every paragraph ends with the paragraph mark {@code \r}.
 */
final class WordBinaryWriter {
  /** Where the text starts in the WordDocument stream, after the 900-byte FIB of a Word 97 file. */
  private static final int TEXT_OFFSET = 1024;
  /** Zeros at the start of the table stream: the DOP and an empty STSH are read from there. */
  private static final int TABLE_ZEROS = 1024;
  private static final int DOP_SIZE = 1024;
  private static final int PAIR_CHPX = 12;
  private static final int PAIR_PAPX = 13;
  private static final int PAIR_DOP = 31;
  private static final int PAIR_CLX = 33;
  private static final int PAIRS = 93;

  private WordBinaryWriter() {}

  static byte[] write(List<String> paragraphs) {
    String text = String.join("\r", paragraphs) + "\r";
    byte[] chars = text.getBytes(StandardCharsets.UTF_16LE);

    int end = TEXT_OFFSET + chars.length;
    int chpPage = (end + 511) / 512;
    int papPage = chpPage + 1;
    ByteBuffer main = ByteBuffer.allocate((papPage + 1) * 512).order(ByteOrder.LITTLE_ENDIAN);
    main.putShort(0, (short) 0xA5EC); // wIdent
    main.putShort(2, (short) 0x00C1); // nFib: Word 97
    main.putShort(6, (short) 0x0409); // lid: en-US
    main.putShort(10, (short) 0x1200); // fWhichTblStm (1Table), fExtChar
    main.putShort(12, (short) 0x00BF); // nFibBack
    main.putShort(32, (short) 14); // csw
    main.putShort(62, (short) 22); // cslw
    main.putInt(64, main.capacity()); // cbMac
    main.putInt(76, text.length()); // ccpText
    main.putShort(152, (short) PAIRS); // cbRgFcLcb
    int clx = TABLE_ZEROS;
    int clxLength = 1 + 4 + 8 + 8;
    int bteChpx = clx + clxLength;
    int btePapx = bteChpx + 12;
    putPair(main, PAIR_CHPX, bteChpx, 12);
    putPair(main, PAIR_PAPX, btePapx, 12);
    putPair(main, PAIR_DOP, 0, DOP_SIZE);
    putPair(main, PAIR_CLX, clx, clxLength);
    main.position(TEXT_OFFSET);
    main.put(chars);
    // One run of default character properties over the whole text (a CHPX FKP page, rgb 0 = none)
    int chp = chpPage * 512;
    main.putInt(chp, TEXT_OFFSET).putInt(chp + 4, end).put(chp + 511, (byte) 1);
    // One PAPX over the whole text: style 0, no properties; each \r still ends a paragraph
    int pap = papPage * 512;
    main.putInt(pap, TEXT_OFFSET).putInt(pap + 4, end).put(pap + 8, (byte) 240).put(pap + 511, (byte) 1);
    main.put(pap + 480, (byte) 0).put(pap + 481, (byte) 1); // cb 0, cb' 1: two bytes of istd 0 follow

    ByteBuffer table = ByteBuffer.allocate(btePapx + 12).order(ByteOrder.LITTLE_ENDIAN);
    table.position(clx);
    table.put((byte) 2); // clxt: the piece table follows
    table.putInt(8 + 8); // two CPs and one piece descriptor
    table.putInt(0);
    table.putInt(text.length());
    table.putShort((short) 0);
    table.putInt(TEXT_OFFSET); // fc, bit 30 clear: 16-bit characters
    table.putShort((short) 0);
    table.putInt(TEXT_OFFSET).putInt(end).putInt(chpPage);
    table.putInt(TEXT_OFFSET).putInt(end).putInt(papPage);

    try (POIFSFileSystem fs = new POIFSFileSystem()) {
      fs.createDocument(new ByteArrayInputStream(main.array()), "WordDocument");
      fs.createDocument(new ByteArrayInputStream(table.array()), "1Table");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      fs.writeFilesystem(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void putPair(ByteBuffer fib, int pair, int fc, int lcb) {
    fib.putInt(154 + 8 * pair, fc);
    fib.putInt(154 + 8 * pair + 4, lcb);
  }
}
