package kz.bilim.platform.database;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the database is. {@code url} set (BILIM_DB_URL): an existing PostgreSQL. Not set: an embedded PostgreSQL 15
 * whose data folder is {@code embeddedDataDir} — kept between runs — or a fresh temporary folder when it is blank (tests).
 */
@ConfigurationProperties("bilim.db")
public record DatabaseProperties(String url, String user, String password,
                                 String embeddedDataDir, int embeddedPort, int poolSize) {

    public DatabaseProperties {
        if (poolSize <= 0) poolSize = 10;
    }

    boolean external() {
        return url != null && !url.isBlank();
    }
}
