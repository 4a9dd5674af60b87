package kz.bilim.demo.internal;

import java.nio.charset.StandardCharsets;

/**
 * Rows in PostgreSQL's binary COPY format, written into a buffer that is handed to a {@link Sink} whenever it fills:
 * no row object, no text parsing on the server side. One instance per stream, not thread-safe.
 */
final class CopyBinary implements AutoCloseable {

    /** Where full buffers go: the COPY stream of a connection, or a digest in tests. */
    @FunctionalInterface
    interface Sink {
        void write(byte[] bytes, int offset, int length) throws Exception;
    }

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
    private static final int POSTGRES_EPOCH_DAY = 10957; // 2000-01-01
    private static final int TEXT_OID = 25;

    private final Sink sink;
    private final byte[] buffer = new byte[1 << 17];
    private int position;
    private long rows;

    CopyBinary(Sink sink) {
        this.sink = sink;
        bytes(SIGNATURE);
        int32(0); // flags
        int32(0); // header extension length
    }

    long rows() {
        return rows;
    }

    CopyBinary row(int fields) {
        ensure(2);
        int16(fields);
        rows++;
        return this;
    }

    CopyBinary int8(long value) {
        ensure(12);
        int32(8);
        int32((int) (value >>> 32));
        int32((int) value);
        return this;
    }

    CopyBinary int2(int value) {
        ensure(6);
        int32(2);
        int16(value);
        return this;
    }

    CopyBinary bool(boolean value) {
        ensure(5);
        int32(1);
        buffer[position++] = (byte) (value ? 1 : 0);
        return this;
    }

    /** A date given as days since 1970-01-01 ({@code LocalDate.toEpochDay()}). */
    CopyBinary date(long epochDay) {
        ensure(8);
        int32(4);
        int32((int) (epochDay - POSTGRES_EPOCH_DAY));
        return this;
    }

    /** timestamptz as microseconds since 1970-01-01 UTC. */
    CopyBinary timestamp(long epochMicros) {
        return int8Raw(epochMicros - POSTGRES_EPOCH_DAY * 86_400_000_000L);
    }

    private CopyBinary int8Raw(long value) {
        ensure(12);
        int32(8);
        int32((int) (value >>> 32));
        int32((int) value);
        return this;
    }

    /** Text already encoded as UTF-8. */
    CopyBinary text(byte[] utf8) {
        ensure(4 + utf8.length);
        int32(utf8.length);
        System.arraycopy(utf8, 0, buffer, position, utf8.length);
        position += utf8.length;
        return this;
    }

    CopyBinary text(byte[] utf8, int offset, int length) {
        ensure(4 + length);
        int32(length);
        System.arraycopy(utf8, offset, buffer, position, length);
        position += length;
        return this;
    }

    CopyBinary text(String value) {
        return value == null ? nul() : text(value.getBytes(StandardCharsets.UTF_8));
    }

    /** Text made of the UTF-8 parts given, e.g. a stem and a suffix, without building a string. */
    CopyBinary text(byte[] first, byte[] second) {
        ensure(4 + first.length + second.length);
        int32(first.length + second.length);
        System.arraycopy(first, 0, buffer, position, first.length);
        position += first.length;
        System.arraycopy(second, 0, buffer, position, second.length);
        position += second.length;
        return this;
    }

    /** One-dimensional text[] without nulls. */
    CopyBinary textArray(String[] values) {
        byte[][] encoded = new byte[values.length][];
        int length = 20;
        for (int i = 0; i < values.length; i++) {
            encoded[i] = values[i].getBytes(StandardCharsets.UTF_8);
            length += 4 + encoded[i].length;
        }
        ensure(4 + length);
        int32(length);
        int32(1); // dimensions
        int32(0); // has nulls
        int32(TEXT_OID);
        int32(values.length);
        int32(1); // lower bound
        for (byte[] e : encoded) {
            int32(e.length);
            System.arraycopy(e, 0, buffer, position, e.length);
            position += e.length;
        }
        return this;
    }

    CopyBinary nul() {
        ensure(4);
        int32(-1);
        return this;
    }

    @Override
    public void close() throws Exception {
        ensure(2);
        int16(-1);
        flush();
    }

    void flush() throws Exception {
        if (position > 0) sink.write(buffer, 0, position);
        position = 0;
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

    private void bytes(byte[] bytes) {
        System.arraycopy(bytes, 0, buffer, position, bytes.length);
        position += bytes.length;
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
