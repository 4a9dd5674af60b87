package kz.bilim.transfer;

import java.time.ZonedDateTime;

/** TR-9: one stage of an application: what happened, when, by whom (username and role), with a short note. */
public record TransferStage(String stage, ZonedDateTime at, String actor, String actorRole, String note) {

    public String messageKey() {
        return "transfer.stage." + stage;
    }
}
