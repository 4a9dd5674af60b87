package kz.bilim.child.internal;

import kz.bilim.audit.AuditAction;
import kz.bilim.audit.AuditEntry;
import kz.bilim.audit.AuditTrail;
import kz.bilim.child.ChildList;
import kz.bilim.child.ChildSource;
import kz.bilim.kernel.KatoRange;
import kz.bilim.kernel.ScopeCondition;
import kz.bilim.territory.KatoCode;
import kz.bilim.territory.Territories;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * CA-3 lists to a spreadsheet (issue 9, item 3: "export of a list to XLSX, streamed, the caller's scope"): the
 * children of a territory on one list, read through a database cursor into POI's streaming workbook, which keeps a
 * window of {@value #WINDOW} rows in memory and the rest in a temporary file — a district or the whole country alike.
 * The sheet is named and titled with the list's name in the reader's language. One audited read of personal data.
 */
@Service
@PreAuthorize(ChildRegistry.READERS)
public class ChildListExport {

    static final int WINDOW = 100;
    static final int FETCH = 1000;
    /** A sheet holds at most 1,048,576 rows: a national list goes on over further sheets. */
    static final int ROWS_PER_SHEET = 1_000_000;

    private static final String ROWS = """
            select c.iin, c.last_name, c.first_name, c.patronymic, c.birth_date, c.sex, c.citizenship, c.kato,
                   array(select cs.source from child_source cs where cs.child_id = c.id and cs.active
                          order by cs.source) as sources
              from child c
             where {scope: kato=c.kato} and c.kato between :from and :to and c.merged_into is null and (%s)
             order by c.last_name, c.first_name, c.id
            """;

    private static final String[] HEADERS = {"child.export.number", "child.review.field.LAST_NAME",
            "child.review.field.FIRST_NAME", "child.review.field.PATRONYMIC", "child.review.field.IIN",
            "child.review.field.BIRTH_DATE", "child.review.field.SEX", "child.review.field.CITIZENSHIP",
            "child.review.field.RESIDENCE", "child.export.settlement", "child.field.sources"};

    /** A workbook written: its file name (in the reader's language) and how many children it holds. */
    public record Exported(String fileName, long rows) {
    }

    private final JdbcClient cursor;
    private final TransactionTemplate readOnly;
    private final Territories territories;
    private final MessageSource messages;
    private final AuditTrail audit;
    private final Clock clock;

    ChildListExport(DataSource dataSource, PlatformTransactionManager transactions, Territories territories,
                    MessageSource messages, AuditTrail audit, Clock clock) {
        var template = new JdbcTemplate(dataSource);
        template.setFetchSize(FETCH); // inside a transaction the driver reads by a cursor, FETCH rows at a time
        this.cursor = JdbcClient.create(template);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.territories = territories;
        this.messages = messages;
        this.audit = audit;
        this.clock = clock;
    }

    /** The territory asked for (null: the caller's own), checked against the caller's scope before anything is written. */
    public String territory(String kato) {
        return ChildRegistry.territory(kato);
    }

    /** The file name of the list's export, in the reader's language. */
    public String fileName(String territory, ChildList list, Locale locale) {
        return text(list.messageKey(), locale) + " " + (territory == null ? "" : territory + " ")
                + LocalDate.now(clock) + ".xlsx";
    }

    /** Writes the list of the territory (as {@link #territory} answered it) to {@code out}; answers the rows. */
    public long write(String territory, ChildList list, Locale locale, OutputStream out) throws IOException {
        LocalDate today = LocalDate.now(clock);
        var range = KatoRange.under(territory == null ? "" : new KatoCode(territory).scopePrefix());
        String title = text(list.messageKey(), locale) + " — " + place(territory, locale) + " — "
                + text("child.export.as-of", locale, today);
        try (var workbook = new SXSSFWorkbook(WINDOW)) {
            workbook.setCompressTempFiles(true);
            var sheets = new Sheets(workbook, text(list.messageKey(), locale), title, locale);
            var names = new HashMap<String, String>();
            long rows = readOnly.execute(status -> {
                long[] n = {0};
                ScopeCondition.current().sql(cursor, ROWS.formatted(ChildListPolicy.RULES.get(list)))
                        .param("today", today).param("from", range.first()).param("to", range.last())
                        .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> sheets.add(++n[0], rs, names));
                return n[0];
            });
            audit.record(AuditEntry.of(AuditAction.READ, "child-list", list.name(), territory == null ? "" : territory,
                    null).because("child-list-export").with(Map.of("rows", rows, "format", "xlsx")));
            workbook.write(out);
            workbook.dispose();
            return rows;
        }
    }

    private String place(String territory, Locale locale) {
        if (territory == null) return text("child.dashboard.country", locale);
        return territories.find(territory).map(t -> t.name(locale)).orElse(territory);
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    /** The sheets of the workbook, a new one every {@link #ROWS_PER_SHEET} children, each with the title and headers. */
    private final class Sheets {

        private final SXSSFWorkbook workbook;
        private final String name;
        private final String title;
        private final Locale locale;
        private final CellStyle bold;
        private final CellStyle date;
        private final Map<String, String> sources;
        private Sheet sheet;
        private int next;

        Sheets(SXSSFWorkbook workbook, String name, String title, Locale locale) {
            this.workbook = workbook;
            this.name = name;
            this.title = title;
            this.locale = locale;
            this.bold = workbook.createCellStyle();
            var font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            this.date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("dd.mm.yyyy"));
            this.sources = Arrays.stream(ChildSource.values())
                    .collect(Collectors.toMap(Enum::name, s -> ChildListExport.this.text(s.messageKey(), locale)));
        }

        void add(long number, ResultSet rs, Map<String, String> places) throws SQLException {
            if (sheet == null || next - 2 >= ROWS_PER_SHEET) start();
            Row row = sheet.createRow(next++);
            row.createCell(0).setCellValue(number);
            row.createCell(1).setCellValue(rs.getString("last_name"));
            row.createCell(2).setCellValue(rs.getString("first_name"));
            optional(row, 3, rs.getString("patronymic"));
            optional(row, 4, rs.getString("iin"));
            var born = row.createCell(5);
            born.setCellValue(rs.getObject("birth_date", LocalDate.class));
            born.setCellStyle(date);
            optional(row, 6, sex(rs.getString("sex")));
            row.createCell(7).setCellValue(rs.getString("citizenship"));
            String kato = rs.getString("kato");
            row.createCell(8).setCellValue(kato);
            row.createCell(9).setCellValue(places.computeIfAbsent(kato,
                    k -> territories.find(k).map(t -> t.name(locale)).orElse("")));
            row.createCell(10).setCellValue(Arrays.stream((String[]) rs.getArray("sources").getArray())
                    .map(s -> sources.getOrDefault(s, s)).collect(Collectors.joining(", ")));
        }

        private void start() {
            int index = workbook.getNumberOfSheets();
            String sheetName = WorkbookUtil.createSafeSheetName(index == 0 ? name : name + " " + (index + 1));
            sheet = workbook.createSheet(sheetName);
            var head = sheet.createRow(0).createCell(0);
            head.setCellValue(title);
            head.setCellStyle(bold);
            Row headers = sheet.createRow(1);
            for (int i = 0; i < HEADERS.length; i++) {
                var cell = headers.createCell(i);
                cell.setCellValue(ChildListExport.this.text(HEADERS[i], locale));
                cell.setCellStyle(bold);
            }
            sheet.createFreezePane(0, 2);
            next = 2;
        }

        private void optional(Row row, int column, String value) {
            if (value != null) row.createCell(column).setCellValue(value);
        }

        private String sex(String sex) {
            if (sex == null) return null;
            return ChildListExport.this.text("child.review.sex." + (sex.startsWith("M") ? "M" : "F"), locale);
        }
    }
}
