package kz.bilim.platform.database;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Rows in PostgreSQL's binary COPY format, written into a buffer that is handed to a {@link Sink} whenever it fills:
 * no text parsing on the server side, no byte array per field on this side (text is encoded as UTF-8 straight into
 * the buffer). One instance per stream, not thread-safe. A row declares its number of fields and must write exactly
 * that many: the next row (or the end) checks it.
 */
public final class CopyBinary implements AutoCloseable {

    /** Where full buffers go: the COPY stream of a connection, or a digest in tests. */
    @FunctionalInterface
    public interface Sink {
        void write(byte[] bytes, int offset, int length) throws Exception;
    }

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
    private static final int POSTGRES_EPOCH_DAY = 10957; // 2000-01-01
    private static final long POSTGRES_EPOCH_MICROS = POSTGRES_EPOCH_DAY * 86_400_000_000L;
    private static final int TEXT_OID = 25;
    /** Slots of the cache of encoded names (a power of two). */
    private static final int CACHE = 4096;

    private final Sink sink;
    private final byte[] buffer = new byte[1 << 17];
    private final String[] cachedKeys = new String[CACHE];
    private final byte[][] cachedBytes = new byte[CACHE][];
    private int position;
    private long rows;
    private int fieldsDeclared;
    private int fieldsWritten;

    public CopyBinary(Sink sink) {
        this.sink = sink;
        System.arraycopy(SIGNATURE, 0, buffer, 0, SIGNATURE.length);
        position = SIGNATURE.length;
        int32(0); // flags
        int32(0); // header extension length
    }

    public long rows() {
        return rows;
    }

    /** Starts a row of this many fields. */
    public CopyBinary row(int fields) {
        checkRowComplete();
        ensure(2);
        int16(fields);
        rows++;
        fieldsDeclared = fields;
        fieldsWritten = 0;
        return this;
    }

    public CopyBinary int8(long value) {
        ensure(12);
        field();
        int32(8);
        int32((int) (value >>> 32));
        int32((int) value);
        return this;
    }

    /** bigint, or null. */
    public CopyBinary int8(Long value) {
        return value == null ? nul() : int8(value.longValue());
    }

    /** integer. */
    public CopyBinary int4(int value) {
        ensure(8);
        field();
        int32(4);
        int32(value);
        return this;
    }

    /** integer, or null. */
    public CopyBinary int4(Integer value) {
        return value == null ? nul() : int4(value.intValue());
    }

    public CopyBinary int2(int value) {
        if (value < Short.MIN_VALUE || value > Short.MAX_VALUE) throw new IllegalArgumentException("not a smallint: " + value);
        ensure(6);
        field();
        int32(2);
        int16(value);
        return this;
    }

    /** smallint, or null. */
    public CopyBinary int2(Integer value) {
        return value == null ? nul() : int2(value.intValue());
    }

    public CopyBinary bool(boolean value) {
        ensure(5);
        field();
        int32(1);
        buffer[position++] = (byte) (value ? 1 : 0);
        return this;
    }

    /** date, or null. */
    public CopyBinary date(LocalDate value) {
        if (value == null) return nul();
        ensure(8);
        field();
        int32(4);
        int32((int) (value.toEpochDay() - POSTGRES_EPOCH_DAY));
        return this;
    }

    /** timestamptz, or null. */
    public CopyBinary timestamp(Instant value) {
        if (value == null) return nul();
        long micros = Math.addExact(Math.multiplyExact(value.getEpochSecond(), 1_000_000L), value.getNano() / 1000);
        ensure(12);
        field();
        int32(8);
        long v = micros - POSTGRES_EPOCH_MICROS;
        int32((int) (v >>> 32));
        int32((int) v);
        return this;
    }

    /**
     * text, or null, as UTF-8. Text that starts with a non-ASCII letter (a name, mostly) is encoded once and
     * remembered by identity in a small cache, so that names drawn from a pool cost a copy; the rest is encoded
     * straight into the buffer.
     */
    public CopyBinary text(String value) {
        if (value == null) return nul();
        if (value.isEmpty() || value.charAt(0) < 0x80) return text((CharSequence) value);
        int slot = System.identityHashCode(value) & (CACHE - 1);
        byte[] utf8 = value == cachedKeys[slot] ? cachedBytes[slot] : null;
        if (utf8 == null) {
            utf8 = value.getBytes(StandardCharsets.UTF_8);
            cachedKeys[slot] = value;
            cachedBytes[slot] = utf8;
        }
        ensure(4 + utf8.length);
        field();
        int32(utf8.length);
        System.arraycopy(utf8, 0, buffer, position, utf8.length);
        position += utf8.length;
        return this;
    }

    /** text, or null: encoded as UTF-8 straight into the buffer. */
    public CopyBinary text(CharSequence value) {
        if (value == null) return nul();
        int length = value.length();
        if (4 + 3 * length > buffer.length) throw new IllegalArgumentException("field larger than the buffer");
        ensure(4 + 3 * length);
        field();
        int start = position;
        position += 4;
        encodeUtf8(value, length);
        lengthAt(start);
        return this;
    }

    /** One-dimensional text[] without nulls, or null. */
    public CopyBinary textArray(List<String> values) {
        if (values == null) return nul();
        int chars = 0;
        for (String v : values) chars += v.length();
        int most = 20 + 4 * values.size() + 3 * chars;
        if (4 + most > buffer.length) throw new IllegalArgumentException("field larger than the buffer");
        ensure(4 + most);
        field();
        int start = position;
        position += 4;
        int32(1); // dimensions
        int32(0); // has nulls
        int32(TEXT_OID);
        int32(values.size());
        int32(1); // lower bound
        for (String v : values) {
            int at = position;
            position += 4;
            encodeUtf8(v, v.length());
            lengthAt(at);
        }
        lengthAt(start);
        return this;
    }

    public CopyBinary nul() {
        ensure(4);
        field();
        int32(-1);
        return this;
    }

    /** Ends the stream (the trailer) and hands the rest of the buffer to the sink. */
    @Override
    public void close() throws Exception {
        checkRowComplete();
        ensure(2);
        int16(-1);
        flush();
    }

    void flush() throws Exception {
        if (position > 0) sink.write(buffer, 0, position);
        position = 0;
    }

    private void field() {
        if (++fieldsWritten > fieldsDeclared)
            throw new IllegalStateException("row " + rows + " has more than its " + fieldsDeclared + " fields");
    }

    private void checkRowComplete() {
        if (fieldsWritten != fieldsDeclared)
            throw new IllegalStateException("row " + rows + " has " + fieldsWritten + " of its " + fieldsDeclared + " fields");
    }

    /** Writes, at {@code start}, the length of what follows it up to the current position. */
    private void lengthAt(int start) {
        int bytes = position - start - 4;
        buffer[start] = (byte) (bytes >>> 24);
        buffer[start + 1] = (byte) (bytes >>> 16);
        buffer[start + 2] = (byte) (bytes >>> 8);
        buffer[start + 3] = (byte) bytes;
    }

    private void encodeUtf8(CharSequence value, int length) {
        byte[] b = buffer;
        int p = position;
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                b[p++] = (byte) c;
            } else if (c < 0x800) {
                b[p++] = (byte) (0xC0 | c >> 6);
                b[p++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(value.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, value.charAt(++i));
                b[p++] = (byte) (0xF0 | cp >> 18);
                b[p++] = (byte) (0x80 | cp >> 12 & 0x3F);
                b[p++] = (byte) (0x80 | cp >> 6 & 0x3F);
                b[p++] = (byte) (0x80 | cp & 0x3F);
            } else if (Character.isSurrogate(c)) {
                b[p++] = '?'; // a lone surrogate has no UTF-8 form; String.getBytes writes '?' too
            } else {
                b[p++] = (byte) (0xE0 | c >> 12);
                b[p++] = (byte) (0x80 | c >> 6 & 0x3F);
                b[p++] = (byte) (0x80 | c & 0x3F);
            }
        }
        position = p;
    }

    private void ensure(int bytes) {
        if (position + bytes > buffer.length) {
            try {
                flush();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            if (bytes > buffer.length) throw new IllegalArgumentException("field larger than the buffer");
        }
    }

    private void int32(int v) {
        buffer[position++] = (byte) (v >>> 24);
        buffer[position++] = (byte) (v >>> 16);
        buffer[position++] = (byte) (v >>> 8);
        buffer[position++] = (byte) v;
    }

    private void int16(int v) {
        buffer[position++] = (byte) (v >>> 8);
        buffer[position++] = (byte) v;
    }
}
