package kz.bilim.transfer;

import java.time.ZonedDateTime;
import java.util.List;

/**
 * TR-17: what the contact centre (1414) and the provider's help desk tell a caller about an application: its stage,
 * term and receiving school, and the stages with their times — no names, no IINs.
 */
public record TransferStatus(TransferId id, Route route, TransferState state, long receivingOrganisationId,
                             String receivingOrganisationName, ZonedDateTime receivedAt, ZonedDateTime dueAt,
                             boolean overdue, RefusalGround refusalGround, List<StageTime> stages) {

    public record StageTime(String stage, ZonedDateTime at) {
    }
}
