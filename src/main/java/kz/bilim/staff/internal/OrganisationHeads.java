package kz.bilim.staff.internal;

import kz.bilim.identity.Iin;
import kz.bilim.kernel.ScopeCondition;
import kz.bilim.organisation.OrganisationId;
import kz.bilim.staff.StaffHeads;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;

/** EIS-5: one statement over the organisation's current director and deputy director contracts. */
@Repository
class OrganisationHeads implements StaffHeads {

    private final JdbcClient jdbc;

    OrganisationHeads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public Head head(OrganisationId organisation, Iin person, LocalDate on) {
        return ScopeCondition.current().sql(jdbc, """
                        select count(*) filter (where c.position = 'DIRECTOR') as directors,
                               count(*) filter (where m.iin = :iin) as held
                          from employment_contract c
                          join staff_member m on m.id = c.staff_member_id
                         where c.organisation_id = :org and c.position in ('DIRECTOR', 'DEPUTY_DIRECTOR')
                           and c.starts_on <= :on and (c.ends_on is null or c.ends_on >= :on)
                           and (c.dismissed_on is null or c.dismissed_on > :on)
                           and {scope: kato=c.kato, organisation=c.organisation_id}
                        """)
                .param("iin", person.value()).param("org", organisation.value()).param("on", on)
                .query((rs, n) -> rs.getLong("held") > 0 ? Head.HEAD
                        : rs.getLong("directors") > 0 ? Head.NOT_HEAD : Head.NONE_REGISTERED)
                .single();
    }
}
