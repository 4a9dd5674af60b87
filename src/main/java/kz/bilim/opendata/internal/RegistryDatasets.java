package kz.bilim.opendata.internal;

import kz.bilim.child.ChildStatistics;
import kz.bilim.enrolment.EnrolmentStatistics;
import kz.bilim.organisation.Organisation;
import kz.bilim.organisation.OrganisationFilter;
import kz.bilim.organisation.OrganisationKind;
import kz.bilim.organisation.OrganisationStatistics;
import kz.bilim.organisation.Organisations;
import kz.bilim.territory.Territories;
import kz.bilim.territory.Territory;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The datasets this system generates (OD-3), each from its owners' public APIs, for the whole country (the caller is
 * a system run): registers of organisations — a legal entity's BIN, names, kind, territory and contacts, which are
 * public — and counts per region. Never a person: the counts come from the registries' statistics APIs, which answer
 * aggregates only, and {@link DatasetFile} checks the result before it is stored. docs/opendata.md lists the columns.
 */
@Component
class RegistryDatasets {

    private static final int PAGE = 1000;

    private final Organisations organisations;
    private final OrganisationStatistics organisationFigures;
    private final EnrolmentStatistics pupils;
    private final ChildStatistics children;
    private final Territories territories;
    private final kz.bilim.standard.SupportFigures support;

    RegistryDatasets(Organisations organisations, OrganisationStatistics organisationFigures,
                     EnrolmentStatistics pupils, ChildStatistics children, Territories territories,
                     kz.bilim.standard.SupportFigures support) {
        this.support = support;
        this.organisations = organisations;
        this.organisationFigures = organisationFigures;
        this.pupils = pupils;
        this.children = children;
        this.territories = territories;
    }

    /** The file of a generated dataset for a period of it ("2026", "2026-Q3"). */
    byte[] generate(Producer producer, String period) {
        int year = Integer.parseInt(period.substring(0, 4));
        return switch (producer) {
            case PRESCHOOL_REGISTER -> register(k -> k == OrganisationKind.PRESCHOOL);
            case SCHOOL_REGISTER -> register(OrganisationKind::isSchool);
            case COLLEGE_REGISTER -> register(k -> k == OrganisationKind.TVET_COLLEGE);
            case CHILDREN_UNDER_18 -> childrenUnder18(LocalDate.of(year, 1, 1));
            case PRESCHOOL_ACCESS -> preschoolAccess(LocalDate.of(year, 1, 1));
            case SCHOOL_ACCESS -> schoolAccess(period.length() > 4
                    ? YearMonth.of(year, Integer.parseInt(period.substring(6)) * 3).atEndOfMonth()
                    : LocalDate.of(year, 1, 1));
            case HOME_SCHOOLED -> supported(kz.bilim.standard.SupportKind.HOME_SCHOOLING, year);
            case FREE_MEALS -> supported(kz.bilim.standard.SupportKind.FREE_MEALS, year);
            case TRANSPORTED -> supported(kz.bilim.standard.SupportKind.TRANSPORT, year);
        };
    }

    /** Nos. 5, 6, 26: the organisations of the kinds, by region, district and name. */
    private byte[] register(Predicate<OrganisationKind> kinds) {
        var regions = regions();
        return csv(List.of("region_kato", "region_kk", "region_ru", "kato", "bin", "name_kk", "name_ru", "kind",
                "study_form", "ownership", "settlement_type", "languages", "postal_address", "phone", "email",
                "website"), out -> {
            var rows = new TreeMap<String, Organisation>();
            for (int page = 0; ; page++) {
                var found = organisations.list(OrganisationFilter.any(), page, PAGE);
                found.items().stream().filter(o -> kinds.test(o.kind()))
                        .forEach(o -> rows.put(o.kato().value() + "|" + o.nameRu() + "|" + o.id().value(), o));
                if (!found.hasNext()) break;
            }
            for (var o : rows.values()) {
                var region = regions.get(o.kato().value().substring(0, 2));
                out.printRecord(region == null ? "" : region.kato(), region == null ? "" : region.nameKk(),
                        region == null ? "" : region.nameRu(), o.kato().value(), o.bin().value(), o.nameKk(),
                        o.nameRu(), o.kind().name(), o.kind() == OrganisationKind.EVENING_SCHOOL ? "EVENING" : "DAY",
                        o.ownership().name(), o.urban() ? "URBAN" : "RURAL", String.join(" ", o.languages()),
                        o.contacts().postalAddress(), o.contacts().phone(), o.contacts().email(),
                        o.contacts().website());
            }
        });
    }

    /** No. 7: children under 18 on 1 January of the year, per region, sex, urban or rural residence and age. */
    private byte[] childrenUnder18(LocalDate on) {
        var counts = new TreeMap<String, long[]>();
        var urban = new HashMap<String, Boolean>();
        var facts = new java.util.ArrayList<ChildStatistics.ChildFact>();
        children.childFacts(on, 17, f -> {
            if (f.kato() != null) facts.add(f); // residence unknown: counted by no region
        });
        var settlements = territories.findAll(facts.stream().map(ChildStatistics.ChildFact::kato).distinct().toList());
        settlements.forEach((kato, t) -> urban.put(kato, t.urban()));
        for (var f : facts) {
            String key = f.kato().substring(0, 2) + "|" + f.sex() + "|"
                    + (urban.getOrDefault(f.kato(), false) ? "URBAN" : "RURAL") + "|" + String.format("%02d", f.age());
            counts.computeIfAbsent(key, k -> new long[1])[0] += f.children();
        }
        var regions = regions();
        return csv(List.of("year", "region_kato", "region_kk", "region_ru", "sex", "settlement_type", "age",
                "children"), out -> {
            for (var e : counts.entrySet()) {
                var k = e.getKey().split("\\|");
                var region = regions.get(k[0]);
                out.printRecord(on.getYear(), region == null ? k[0] : region.kato(),
                        region == null ? "" : region.nameKk(), region == null ? "" : region.nameRu(), k[1], k[2],
                        Integer.parseInt(k[3]), e.getValue()[0]);
            }
        });
    }

    /**
     * No. 8: per region on 1 January — preschool organisations, the children in them, the children of preschool age
     * (under 6) living there, coverage in per cent, and the open entries of the preschool queue.
     */
    private byte[] preschoolAccess(LocalDate on) {
        var kindOf = new HashMap<Long, OrganisationKind>();
        var byRegion = new TreeMap<String, long[]>(); // organisations, enrolled, preschool-age children, queue
        organisationFigures.facts(f -> {
            kindOf.put(f.id(), f.kind());
            if (f.kind() == OrganisationKind.PRESCHOOL) row(byRegion, f.kato())[0]++;
        });
        pupils.pupilFacts(on, f -> {
            if (kindOf.get(f.organisationId()) == OrganisationKind.PRESCHOOL) row(byRegion, f.kato())[1] += f.pupils();
        });
        children.childFacts(on, 5, f -> {
            if (f.kato() != null) row(byRegion, f.kato())[2] += f.children();
        });
        children.queueFacts(on, f -> {
            if (f.kato() != null) row(byRegion, f.kato())[3] += f.entries();
        });
        var regions = regions();
        return csv(List.of("year", "region_kato", "region_kk", "region_ru", "preschool_organisations",
                "children_enrolled", "children_of_preschool_age", "coverage_percent", "queue_entries"), out -> {
            for (var e : byRegion.entrySet()) {
                var region = regions.get(e.getKey());
                long[] v = e.getValue();
                out.printRecord(on.getYear(), region == null ? e.getKey() : region.kato(),
                        region == null ? "" : region.nameKk(), region == null ? "" : region.nameRu(), v[0], v[1],
                        v[2], percent(v[1], v[2]), v[3]);
            }
        });
    }

    /** No. 10: per region, urban or rural and kind of school on the day — the schools and their pupils. */
    private byte[] schoolAccess(LocalDate on) {
        var schoolOf = new HashMap<Long, String>();
        var counts = new TreeMap<String, long[]>(); // schools, pupils
        organisationFigures.facts(f -> {
            if (!f.kind().isSchool()) return;
            String key = f.kato().substring(0, 2) + "|" + (f.urban() ? "URBAN" : "RURAL") + "|" + f.kind().name();
            schoolOf.put(f.id(), key);
            counts.computeIfAbsent(key, k -> new long[2])[0]++;
        });
        pupils.pupilFacts(on, f -> {
            String key = schoolOf.get(f.organisationId());
            if (key != null) counts.get(key)[1] += f.pupils();
        });
        var regions = regions();
        return csv(List.of("as_of", "region_kato", "region_kk", "region_ru", "settlement_type", "kind", "schools",
                "pupils"), out -> {
            for (var e : counts.entrySet()) {
                var k = e.getKey().split("\\|");
                var region = regions.get(k[0]);
                out.printRecord(on, region == null ? k[0] : region.kato(), region == null ? "" : region.nameKk(),
                        region == null ? "" : region.nameRu(), k[1], k[2], e.getValue()[0], e.getValue()[1]);
            }
        });
    }

    /** Nos. 23, 49: pupils with the support in the school year beginning in September of the year, per region. */
    private byte[] supported(kz.bilim.standard.SupportKind kind, int year) {
        var byRegion = support.pupilsByRegion(kind, year);
        var regions = regions();
        return csv(List.of("school_year", "region_kato", "region_kk", "region_ru", "pupils"), out -> {
            for (var region : territories.regions()) {
                String prefix = region.kato().substring(0, 2);
                out.printRecord(year + "-" + (year + 1), region.kato(), region.nameKk(), region.nameRu(),
                        byRegion.getOrDefault(prefix, 0L));
            }
        });
    }

    private static long[] row(Map<String, long[]> byRegion, String kato) {
        return byRegion.computeIfAbsent(kato.substring(0, 2), k -> new long[4]);
    }

    private static String percent(long part, long whole) {
        return whole == 0 ? "" : java.math.BigDecimal.valueOf(part * 100.0 / whole)
                .setScale(1, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    /** The 20 top-level territories by their two-digit prefix. */
    private Map<String, Territory> regions() {
        var byPrefix = new HashMap<String, Territory>();
        territories.regions().forEach(t -> byPrefix.put(t.kato().substring(0, 2), t));
        return byPrefix;
    }

    private interface Rows {
        void print(CSVPrinter out) throws IOException;
    }

    private static byte[] csv(List<String> header, Rows rows) {
        var bytes = new ByteArrayOutputStream();
        try (var out = new CSVPrinter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8),
                CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).setRecordSeparator("\r\n").get())) {
            rows.print(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
