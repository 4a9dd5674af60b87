package kz.bilim.transfer;

import kz.bilim.BilimTest;
import kz.bilim.identity.Iin;
import kz.bilim.platform.database.OwnerDataSource;
import kz.bilim.signature.Signatures;
import kz.bilim.signature.SigningKeys;
import kz.bilim.signature.TestPki;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import kz.bilim.access.BilimUser;
import kz.bilim.kernel.Role;
import kz.bilim.kernel.Scope;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static kz.bilim.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The receiving school's desk: accepting moves the enrolment and issues the notification signed with the school's
 * key, which OpenSSL verifies (TR-4, TR-7); a motivated refusal on a TR-16 ground issues the refusal receipt in two
 * copies (TR-18); a full class refuses on ground 7 (TR-10).
 */
@BilimTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TransferDeskTest {

    static final String DISTRICT = "398900000";

    @Autowired MockMvc mvc;
    @Autowired OwnerDataSource ownerDataSource;
    @Autowired SigningKeys keys;
    @Autowired Signatures signatures;
    @Autowired Clock clock;
    @Autowired JsonMapper json;

    @TempDir
    Path folder;

    TransferFixture fixture;
    String settlement;
    long departing;
    long receiving;
    long other;
    long fifth;
    long fullFifth;
    TransferFixture.Applicant parent;

    @BeforeAll
    void fixtures() {
        fixture = new TransferFixture(ownerDataSource, keys, YearMonth.of(2012, 12), 8900);
        settlement = fixture.registry.districtWithSettlement(DISTRICT, false);
        departing = fixture.school(settlement, "Үстелден шығатын");
        receiving = fixture.school(settlement, "Үстелге қабылдайтын");
        other = fixture.school(settlement, "Бөгде");
        fifth = fixture.schoolClass(receiving, 5, "А", 25);
        fullFifth = fixture.schoolClass(receiving, 5, "Ғ", 1);
        Iin sitting = fixture.childIin(5);
        fixture.pupil(sitting, "Отырған", receiving, fullFifth, 5, settlement);
        parent = fixture.applicant("transfer.desk.parent");
    }

    JsonNode body(MvcResult result) throws Exception {
        return json.readTree(result.getResponse().getContentAsString());
    }

    /** A pupil of the departing school whose parent applied, signed, to the receiving school; the application id. */
    long applied(String lastName) throws Exception {
        Iin child = fixture.childIin(5);
        long schoolClass = fixture.schoolClass(departing, 5, "Д" + child.value().substring(8), 25);
        fixture.pupil(child, lastName, departing, schoolClass, 5, settlement);
        String form = TransferFixture.form(child, lastName, receiving, LocalDate.now(clock).toString(), "VIOLENCE",
                "Ювеналдық полиция анықтамасы № 7", true, null);
        var text = mvc.perform(post("/api/v1/transfers/application-text").with(as(parent.user()))
                .contentType(MediaType.APPLICATION_JSON).content(TransferFixture.unsigned(form))).andReturn();
        byte[] content = Base64.getDecoder().decode(body(text).get("content").asString());
        var submitted = mvc.perform(post("/api/v1/transfers").with(as(parent.user())).contentType(MediaType.APPLICATION_JSON)
                .content(TransferFixture.withSignature(form, signatures.sign(content, parent.key())))).andReturn();
        assertThat(submitted.getResponse().getStatus()).as(submitted.getResponse().getContentAsString()).isEqualTo(201);
        return body(submitted).get("id").asLong();
    }

    MvcResult decide(long id, String action, String json, long school) throws Exception {
        return mvc.perform(post("/api/v1/transfers/" + id + "/" + action)
                .with(as(TransferFixture.schoolAdmin(school, fixture.kato(school)))).header("Accept-Language", "ru")
                .contentType(MediaType.APPLICATION_JSON).content(json)).andReturn();
    }

    byte[] download(long id, String file) throws Exception {
        var answer = mvc.perform(get("/api/v1/transfers/" + id + "/" + file).with(as(parent.user()))).andReturn().getResponse();
        assertThat(answer.getStatus()).isEqualTo(200);
        return answer.getContentAsByteArray();
    }

    static String text(byte[] pdf) throws Exception {
        try (var document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    record Run(int exit, String output) {
    }

    Run run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output);
    }

    @Test
    @DisplayName("TR-4 TR-7 accepting moves the enrolment in one step and issues the notification signed by the school; openssl cms -verify accepts notice.pdf with notice.p7s")
    void acceptAndSignedNotice() throws Exception {
        long id = applied("Нұрланова");
        var result = decide(id, "accept", "{\"classId\": " + fifth + ", \"admissionOrder\": \"№ 15-қ\"}", receiving);
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(200);
        var a = body(result);
        assertThat(a.get("state").asString()).isEqualTo("ACCEPTED");
        long person = a.get("childPersonId").asLong();
        // never in two schools or none: one open enrolment, in the receiving school's class; the old one ended
        var open = fixture.owner.sql("select organisation_id, class_id from enrolment where person_id = :p and enrolled_to is null")
                .param("p", person).query((rs, row) -> new long[]{rs.getLong(1), rs.getLong(2)}).list();
        assertThat(open).singleElement().satisfies(e -> assertThat(e).containsExactly(receiving, fifth));
        assertThat(fixture.owner.sql("select count(*) from enrolment where person_id = :p and organisation_id = :o and enrolled_to is not null")
                .param("p", person).param("o", departing).query(Long.class).single()).isEqualTo(1);

        long audited = fixture.owner.sql("select count(*) from audit_event where subject_type = 'transfer-document' and subject_id = :id")
                .param("id", Long.toString(id)).query(Long.class).single();
        byte[] pdf = download(id, "notice.pdf");
        byte[] p7s = download(id, "notice.p7s");
        assertThat(fixture.owner.sql("select count(*) from audit_event where subject_type = 'transfer-document' and subject_id = :id")
                .param("id", Long.toString(id)).query(Long.class).single()).as("each download of a document is audited")
                .isEqualTo(audited + 2);
        String text = text(pdf);
        assertThat(text).contains("Нұрланова Әлия", "5А", "+7 7142 50 10 20", "Көктем к-сі, 5", "school@bilim.test",
                "https://school.bilim.test", "хабарлама", "Уведомление",
                a.get("childBirthDate").asString().substring(8, 10) + "." + a.get("childBirthDate").asString().substring(5, 7));
        Files.write(folder.resolve("notice.pdf"), pdf);
        Files.write(folder.resolve("notice.p7s"), p7s);
        Files.copy(keys.testPkiFolder().orElseThrow().resolve(TestPki.CA_CERTIFICATE), folder.resolve("test-ca.pem"));
        var ok = run("openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", "notice.p7s", "-content",
                "notice.pdf", "-CAfile", "test-ca.pem", "-out", "/dev/null");
        assertThat(ok.exit()).as(ok.output()).isZero();
        assertThat(ok.output()).contains("Verification successful");
        // the same check fails on a changed document
        pdf[pdf.length / 2] ^= 1;
        Files.write(folder.resolve("changed.pdf"), pdf);
        var changed = run("openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", "notice.p7s", "-content",
                "changed.pdf", "-CAfile", "test-ca.pem", "-out", "/dev/null");
        assertThat(changed.exit()).isNotZero();
        // the certificate is the school's: OU=BIN of the receiving school
        var subject = run("openssl", "pkcs7", "-inform", "DER", "-in", "notice.p7s", "-print_certs", "-noout");
        String bin = fixture.owner.sql("select bin from organisation where id = :id").param("id", receiving).query(String.class).single();
        assertThat(subject.output()).contains("BIN" + bin);

        // the timeline records both stages
        var stages = json.readTree(mvc.perform(get("/api/v1/transfers/" + id + "/stages").with(as(parent.user())))
                .andReturn().getResponse().getContentAsString());
        assertThat(stages.valueStream().map(s -> s.get("stage").asString())).containsExactly("SUBMITTED", "ACCEPTED");
        // decided once: a second decision is a conflict
        assertThat(decide(id, "refuse", "{\"ground\": \"1\", \"reason\": \"—\"}", receiving).getResponse().getStatus())
                .isEqualTo(409);
    }

    @Test
    @DisplayName("TR-16 TR-18 a motivated refusal on ground 3 issues the refusal receipt: two copies, Kazakh and Russian, the applicant's name and IIN, the representative's name and position; pdftoppm renders it")
    void refusalReceipt() throws Exception {
        long id = applied("Бекова");
        String kato = fixture.kato(receiving);
        long head = fixture.owner.sql("""
                insert into app_user (username, password_hash, full_name, role, organisation_id, kato, position)
                values ('test.transfer.desk.director', 'x', 'Гүлнұр Берікқызы Есенова', 'ORGANISATION_ADMIN', :o, :k,
                        'Директор школы') returning id
                """).param("o", receiving).param("k", kato).query(Long.class).single();
        var director = new BilimUser(head, "test.transfer.desk.director", "", "Гүлнұр Берікқызы Есенова",
                Role.ORGANISATION_ADMIN, Scope.organisation(receiving), kato, receiving, "kk", true, 0);
        var result = mvc.perform(post("/api/v1/transfers/" + id + "/refuse").with(as(director))
                .header("Accept-Language", "ru").contentType(MediaType.APPLICATION_JSON)
                .content("{\"ground\": \"3\", \"reason\": \"Қамқоршылық органы келісім бермеді\"}")).andReturn();
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(200);
        assertThat(body(result).get("state").asString()).isEqualTo("REFUSED");
        assertThat(body(result).get("refusalGround").asString()).isEqualTo("NEGATIVE_APPROVAL");
        byte[] pdf = download(id, "refusal-receipt.pdf");
        try (var document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(2);
        }
        String text = text(pdf);
        assertThat(text).contains("Өтініш пен (немесе) құжаттарды қабылдаудан бас тарту туралы қолхат",
                "Расписка об отказе в приёме заявления и (или) документов", "Жанар Мұратқызы Тоқтарова",
                parent.iin().value(), "Қамқоршылық органы келісім бермеді", "2 (екі) дана", "2 (двух) экземплярах",
                "(3)", "Гүлнұр Берікқызы Есенова, Директор школы");
        assertThat(download(id, "refusal-receipt.p7s")).isNotEmpty();
        Files.write(folder.resolve("receipt.pdf"), pdf);
        var png = run("pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "receipt.pdf", "receipt");
        assertThat(png.exit()).as(png.output()).isZero();
        try (var files = Files.list(folder)) {
            var pngs = files.filter(f -> f.getFileName().toString().endsWith(".png")).toList();
            assertThat(pngs).isNotEmpty();
            var image = javax.imageio.ImageIO.read(pngs.get(0).toFile());
            assertThat(image.getWidth()).isGreaterThan(400);
            Path keep = Path.of("target", "transfer-refusal-receipt.png");
            Files.copy(pngs.get(0), keep, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    @DisplayName("TR-10 TR-16 a class set at its norm refuses the application on ground 7, with the receipt; the class stays at its norm")
    void fullClass() throws Exception {
        long id = applied("Толыққызы");
        var result = decide(id, "accept", "{\"classId\": " + fullFifth + "}", receiving);
        assertThat(result.getResponse().getStatus()).isEqualTo(422);
        assertThat(body(result).get("clause").asString()).isEqualTo("TR-16");
        assertThat(body(result).get("detail").asString()).contains("основанию 7");
        var a = json.readTree(mvc.perform(get("/api/v1/transfers/" + id).with(as(parent.user()))).andReturn()
                .getResponse().getContentAsString());
        assertThat(a.get("state").asString()).isEqualTo("REFUSED");
        assertThat(a.get("refusalGround").asString()).isEqualTo("CLASS_FULL");
        assertThat(fixture.owner.sql("select count(*) from enrolment where class_id = :c and enrolled_to is null")
                .param("c", fullFifth).query(Long.class).single()).isEqualTo(1);
        // the pupil stays where they were
        assertThat(fixture.owner.sql("select organisation_id from enrolment where person_id = :p and enrolled_to is null")
                .param("p", a.get("childPersonId").asLong()).query(Long.class).single()).isEqualTo(departing);
        assertThat(download(id, "refusal-receipt.pdf")).isNotEmpty();
    }

    @Test
    @DisplayName("TR-4 only the receiving school decides; bad decisions name the field in Russian and change nothing")
    void onlyTheReceivingSchool() throws Exception {
        long id = applied("Бөтенова");
        assertThat(decide(id, "accept", "{\"classId\": " + fifth + "}", other).getResponse().getStatus()).isIn(403, 404);
        var noGround = decide(id, "refuse", "{\"reason\": \"\"}", receiving);
        assertThat(noGround.getResponse().getStatus()).isEqualTo(422);
        List<String> fields = new ArrayList<>();
        body(noGround).get("errors").valueStream().forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).containsExactlyInAnyOrder("ground", "reason");
        var wrongClass = decide(id, "accept", "{\"classId\": " + fixture.schoolClass(other, 5, "В", 25) + "}", receiving);
        assertThat(wrongClass.getResponse().getStatus()).isEqualTo(422);
        assertThat(body(wrongClass).get("errors").get(0).get("field").asString()).isEqualTo("classId");
        assertThat(body(wrongClass).get("errors").get(0).get("reason").asString()).contains("принимающей школы");
        var a = json.readTree(mvc.perform(get("/api/v1/transfers/" + id).with(as(parent.user()))).andReturn()
                .getResponse().getContentAsString());
        assertThat(a.get("state").asString()).isEqualTo("SUBMITTED");
        // the desk lists it, open first
        var desk = json.readTree(mvc.perform(get("/api/v1/transfers?open=true")
                .with(as(TransferFixture.schoolAdmin(receiving, fixture.kato(receiving))))).andReturn().getResponse()
                .getContentAsString());
        assertThat(desk.get("items").valueStream().map(n -> n.get("id").asLong())).contains(id);
    }
}
