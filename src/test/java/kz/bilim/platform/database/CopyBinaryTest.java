package kz.bilim.platform.database;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The binary COPY encoder the owners' bulk writers use: the bytes PostgreSQL expects, field by field. */
class CopyBinaryTest {

    private static byte[] encode(Consumer<CopyBinary> rows) throws Exception {
        var bytes = new ByteArrayOutputStream();
        try (var out = new CopyBinary(bytes::write)) {
            rows.accept(out);
        }
        return bytes.toByteArray();
    }

    /** The rows of a stream: after the 19-byte header, before the 2-byte trailer. */
    private static ByteBuffer rows(byte[] stream) {
        assertThat(new String(stream, 0, 6, StandardCharsets.US_ASCII)).isEqualTo("PGCOPY");
        assertThat(ByteBuffer.wrap(stream, stream.length - 2, 2).getShort()).isEqualTo((short) -1);
        return ByteBuffer.wrap(stream, 19, stream.length - 21);
    }

    private static String text(ByteBuffer row) {
        byte[] value = new byte[row.getInt()];
        row.get(value);
        return new String(value, StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("text is UTF-8 as Java encodes it: ASCII, Kazakh and Russian letters, emoji; a pooled name twice")
    void textAsUtf8() throws Exception {
        String name = "Әйгерім Қасымқызы";
        List<String> values = List.of("900101300017", name, "Ёлка ғ ң ү ұ", "😀 x", "", name);
        byte[] stream = encode(out -> {
            out.row(values.size());
            for (String v : values) out.text(v);
        });
        ByteBuffer row = rows(stream);
        assertThat(row.getShort()).isEqualTo((short) values.size());
        for (String v : values) assertThat(text(row)).isEqualTo(v);
        assertThat(row.remaining()).isZero();
        // the same through the CharSequence path
        ByteBuffer again = rows(encode(out -> {
            out.row(values.size());
            for (String v : values) out.text(new StringBuilder(v));
        }));
        assertThat(again).isEqualTo(rows(stream));
    }

    @Test
    @DisplayName("numbers, dates, timestamps, booleans, arrays and nulls in PostgreSQL's binary forms")
    void otherTypes() throws Exception {
        ByteBuffer row = rows(encode(out -> out.row(8).int8(42L).int2(7).bool(true).date(LocalDate.of(2000, 1, 2))
                .timestamp(Instant.parse("2000-01-01T00:00:01Z")).textArray(List.of("kk", "ru")).int8((Long) null)
                .date(null)));
        assertThat(row.getShort()).isEqualTo((short) 8);
        assertThat(row.getInt()).isEqualTo(8);
        assertThat(row.getLong()).isEqualTo(42);
        assertThat(row.getInt()).isEqualTo(2);
        assertThat(row.getShort()).isEqualTo((short) 7);
        assertThat(row.getInt()).isEqualTo(1);
        assertThat(row.get()).isEqualTo((byte) 1);
        assertThat(row.getInt()).isEqualTo(4);
        assertThat(row.getInt()).isEqualTo(1); // days since 2000-01-01
        assertThat(row.getInt()).isEqualTo(8);
        assertThat(row.getLong()).isEqualTo(1_000_000); // microseconds since 2000-01-01
        assertThat(row.getInt()).isEqualTo(20 + 2 * (4 + 2));
        assertThat(row.getInt()).isEqualTo(1); // dimensions
        assertThat(row.getInt()).isZero(); // no nulls
        assertThat(row.getInt()).isEqualTo(25); // of text
        assertThat(row.getInt()).isEqualTo(2); // elements
        assertThat(row.getInt()).isEqualTo(1); // lower bound
        assertThat(text(row)).isEqualTo("kk");
        assertThat(text(row)).isEqualTo("ru");
        assertThat(row.getInt()).isEqualTo(-1);
        assertThat(row.getInt()).isEqualTo(-1);
        assertThat(row.remaining()).isZero();
    }

    @Test
    @DisplayName("a row with fewer or more fields than it declared is refused")
    void fieldCountChecked() {
        assertThatThrownBy(() -> encode(out -> out.row(2).int8(1L).row(1).int8(2L)))
                .hasMessageContaining("has 1 of its 2 fields");
        assertThatThrownBy(() -> encode(out -> out.row(1).int8(1L).int8(2L)))
                .hasMessageContaining("more than its 1 fields");
        assertThatThrownBy(() -> encode(out -> out.row(1).int2(40_000))).hasMessageContaining("not a smallint");
    }

    @Test
    @DisplayName("streams larger than the buffer reach the sink in pieces, no row lost")
    void manyRows() throws Exception {
        ByteBuffer rows = rows(encode(out -> {
            for (int i = 0; i < 100_000; i++) out.row(2).int8((long) i).text("Жамбыл облысы " + (i % 10));
        }));
        for (int i = 0; i < 100_000; i++) {
            assertThat(rows.getShort()).isEqualTo((short) 2);
            assertThat(rows.getInt()).isEqualTo(8);
            assertThat(rows.getLong()).isEqualTo(i);
            assertThat(text(rows)).isEqualTo("Жамбыл облысы " + (i % 10));
        }
        assertThat(rows.remaining()).isZero();
    }
}
