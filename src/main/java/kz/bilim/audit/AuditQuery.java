package kz.bilim.audit;

import kz.bilim.kernel.Text;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * A search of the trail. Every criterion is optional (null); dates are days in Almaty, both inclusive;
 * {@code territory} is a KATO code whose subtree is searched; {@code before} continues after a previous page.
 */
public record AuditQuery(String actor, AuditAction action, String subjectType, String subjectId, LocalDate from,
                         LocalDate to, String territory, AuditCursor before, int size) {

    public static final int MAX_SIZE = 200;

    public AuditQuery {
        actor = Text.blankToNull(actor);
        subjectType = Text.blankToNull(subjectType);
        subjectId = Text.blankToNull(subjectId);
        territory = Text.blankToNull(territory);
        if (territory != null && !territory.matches("[0-9]{9}"))
            throw new IllegalArgumentException("audit.territory.format");
        if (size < 1 || size > MAX_SIZE) throw new IllegalArgumentException("audit.size.range");
    }

    public static AuditQuery newest(int size) {
        return new AuditQuery(null, null, null, null, null, null, null, null, size);
    }

    public AuditQuery bySubject(String type, Object id) {
        return new AuditQuery(actor, action, type, id == null ? null : id.toString(), from, to, territory, before, size);
    }

    public AuditQuery byActor(String name) {
        return new AuditQuery(name, action, subjectType, subjectId, from, to, territory, before, size);
    }

    public AuditQuery byAction(AuditAction what) {
        return new AuditQuery(actor, what, subjectType, subjectId, from, to, territory, before, size);
    }

    public AuditQuery after(AuditCursor cursor) {
        return new AuditQuery(actor, action, subjectType, subjectId, from, to, territory, cursor, size);
    }

    /** The digits every code of the territory's subtree starts with: AB, ABCD, ABCDEF or the whole code. */
    String territoryPrefix() {
        if (territory == null) return null;
        if (territory.endsWith("0000000")) return territory.substring(0, 2);
        if (territory.endsWith("00000")) return territory.substring(0, 4);
        if (territory.endsWith("000")) return territory.substring(0, 6);
        return territory;
    }

}
