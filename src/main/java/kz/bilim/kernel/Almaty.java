package kz.bilim.kernel;

import java.time.ZoneId;

/** The country's one time zone (UTC+5 since 1 March 2024): every "today" and every deadline is a day here. */
public final class Almaty {

    public static final ZoneId ZONE = ZoneId.of("Asia/Almaty");

    private Almaty() {
    }
}
