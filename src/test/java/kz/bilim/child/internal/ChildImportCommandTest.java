package kz.bilim.child.internal;

import kz.bilim.BilimTest;
import kz.bilim.child.ChildFixture;
import kz.bilim.identity.Iin;
import kz.bilim.identity.Sex;
import kz.bilim.platform.database.OwnerDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.test.web.servlet.MockMvc;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;

import static kz.bilim.child.ChildFixture.HEADER;
import static kz.bilim.child.ChildFixture.file;
import static kz.bilim.child.ChildFixture.row;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9 item 2, "a command-line import for national files": {@code import-children} runs the import of the API
 * (header first, rows checked, COPY, set-based merge) from the command's entry point against the test database.
 */
@BilimTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChildImportCommandTest {

    static final String DISTRICT = "627700000";

    @Autowired
    MockMvc mvc;
    @Autowired
    OwnerDataSource ownerDataSource;
    @Autowired
    ChildImportCommand command;

    @TempDir
    Path folder;

    ChildFixture fixture;
    String here;

    @BeforeAll
    void fixtures() {
        fixture = new ChildFixture(ownerDataSource, mvc, YearMonth.of(2017, 3), 4500);
        here = fixture.registry.districtWithSettlement(DISTRICT, false);
    }

    record Run(int code, String out, String err) {
    }

    Run run(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        String[] all = new String[args.length + 1];
        all[0] = ChildImportCommand.NAME;
        System.arraycopy(args, 0, all, 1, args.length);
        int code = command.execute(new DefaultApplicationArguments(all), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    long children(Iin... iins) {
        long n = 0;
        for (Iin iin : iins) n += fixture.count("select count(*) from child where iin = ?", iin.value());
        return n;
    }

    @Test
    @DisplayName("CA-1 CA-2 import-children: a district's Justice file through the API's import path — printed result, rejections file in the chosen language, exit 0, the operator's file kept")
    void goodFile() throws Exception {
        Iin a = fixture.child(7, Sex.MALE);
        Iin b = fixture.child(12, Sex.FEMALE);
        Path csv = folder.resolve("justice.csv");
        Files.writeString(csv, "\uFEFF" + file(HEADER, row(a, "Командалық", "Айдос", here),
                row(b, "Командалық", "Дана", here), row(b, "Командалық", "Дана", here),
                ",Командалық,,,2015-01-01,M,KZ," + here));

        var run = run("--source=JUSTICE", "--kato=" + DISTRICT, "--lang=ru", csv.toString());

        assertThat(run.code()).as(run.err()).isEqualTo(ChildImportCommand.DONE);
        assertThat(run.out()).contains("DONE").contains("rows 4, accepted 2, rejected 2")
                .contains("read, check and COPY into staging").contains("merge");
        assertThat(children(a, b)).isEqualTo(2);
        assertThat(fixture.count("select count(*) from child_source s join child c on c.id = s.child_id "
                + "where c.iin in (?, ?) and s.source = 'JUSTICE' and s.active", a.value(), b.value())).isEqualTo(2);
        Path report = Path.of(csv + ".rejections.csv");
        String rejections = Files.readString(report);
        assertThat(rejections).startsWith("\uFEFFrow,field,reason\r\n").contains("4,iin,повторяет строку 3")
                .contains("5,first_name,обязательно");
        assertThat(rejections.lines().count()).isEqualTo(3);
        assertThat(Files.exists(csv)).as("the operator's file is not deleted").isTrue();

        var again = run("--source=JUSTICE", "--kato=" + DISTRICT, "--rejections=" + folder.resolve("r.csv"), csv.toString());
        assertThat(again.code()).isZero();
        assertThat(again.out()).as("the same file twice changes nothing").contains("inserted 0, updated 0, unchanged 2");
    }

    @Test
    @DisplayName("CA-1 import-children: a file of another source's shape is refused by its header with nothing written, exit code 2")
    void badHeader() throws Exception {
        Iin c = fixture.child(9, Sex.MALE);
        Path csv = folder.resolve("emis.csv");
        Files.writeString(csv, file(HEADER + ",organisation_bin,grade", row(c, "Басқа", "Пішін", here) + ",,3"));
        long imports = fixture.count("select count(*) from child_import");
        long all = fixture.count("select count(*) from child");

        var run = run("--source=JUSTICE", "--kato=" + DISTRICT, "--lang=en", csv.toString());

        assertThat(run.code()).isEqualTo(ChildImportCommand.REFUSED);
        assertThat(run.err()).contains("refused: file: the columns are those of another source, not of JUSTICE")
                .contains("nothing was written");
        assertThat(fixture.count("select count(*) from child_import")).isEqualTo(imports);
        assertThat(fixture.count("select count(*) from child")).isEqualTo(all);
        assertThat(children(c)).isZero();
        assertThat(Files.exists(csv)).isTrue();
    }

    @Test
    @DisplayName("import-children: a missing or unknown source, a missing file, a territory outside the classifier — told with the usage, exit code 2")
    void badCommand() throws Exception {
        Path csv = folder.resolve("empty-of-rows.csv");
        Files.writeString(csv, file(HEADER));
        assertThat(run(csv.toString()).err()).contains("--source is required").contains("usage:");
        assertThat(run("--source=POLICE", csv.toString()).code()).isEqualTo(ChildImportCommand.REFUSED);
        assertThat(run("--source=JUSTICE", folder.resolve("none.csv").toString()).err()).contains("no readable file");
        assertThat(run("--source=JUSTICE").err()).contains("no file given");
        assertThat(run("--source=JUSTICE", "--knato=1", csv.toString()).err()).contains("unknown option --knato");
        var unknown = run("--source=JUSTICE", "--kato=627799999", "--lang=en", csv.toString());
        assertThat(unknown.code()).isEqualTo(ChildImportCommand.REFUSED);
        assertThat(unknown.err()).contains("refused: kato: no territory with the KATO code 627799999");
    }
}
