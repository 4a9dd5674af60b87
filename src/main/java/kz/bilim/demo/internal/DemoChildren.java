package kz.bilim.demo.internal;

import kz.bilim.child.ChildBulkWriter;
import kz.bilim.child.ChildSource;
import kz.bilim.organisation.OrganisationKind;
import kz.bilim.organisation.Ownership;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The demo's single database of children (issue 9 item 7, CA-1…CA-3): all six sources over the persons and
 * enrolments just loaded, overlapping as in life — 97 % of the children in the Justice register, every pupil in the
 * EMIS source of their organisation, 2 % in the Kandas system and 0.4 % more children of kandases without IIN
 * (foreign citizens, in no organisation); Justice spelling 0.5 % of the surnames in Latin and registering 1 % at another
 * address, Kandas giving 0.3 % another birth date; 0.4 % of school age not subject to schooling; 0.5 % of the pupils
 * of grades 1–11 truants last month. The children of school age in no organisation, not exempt, are the demo's
 * "not covered" (CA-3 list 8); 10 % of those left a school of their district and arrived nowhere (lost pupils), and
 * 0.1 % of the children in Justice were recorded before by Kandas without IIN (open review cases) — at least one of
 * each per district, so every district officer's pages show some. Written by the child module's {@link ChildBulkWriter}, set-based.
 */
public final class DemoChildren {

    static final ChildBulkWriter.Shares SHARES = new ChildBulkWriter.Shares(970, 20, 4, 5, 10, 3, 4, 5, 100, 1);

    private DemoChildren() {
    }

    /** The children, sources and absences of the persons just loaded (the truant lists are formed after). */
    static Map<String, Long> writeSources(ChildBulkWriter writer, DataSource owner, long seed, List<DemoStaff.Org> organisations,
                                   Clock clock) {
        var orgs = organisations.stream().map(o -> new ChildBulkWriter.Organisation(o.id(),
                ChildSource.of(OrganisationKind.valueOf(o.kind()), Ownership.valueOf(o.ownership())), o.bin())).toList();
        return writer.write(owner, seed, SHARES, LocalDate.now(clock), orgs);
    }

    public static DemoLoader.Dependents dependents(ChildBulkWriter writer, Clock clock) {
        return new DemoLoader.Dependents() {
            @Override
            public Map<String, Long> write(DataSource owner, long seed, List<DemoStaff.Org> organisations) {
                var written = new java.util.LinkedHashMap<>(writeSources(writer, owner, seed, organisations, clock));
                written.put("child: truant list entries", writer.formTruantLists(LocalDate.now(clock)));
                return written;
            }

            @Override
            public void remove(DataSource owner, long organisationIdAfter, long organisationIdUpTo) {
                writer.remove(owner);
            }
        };
    }
}
