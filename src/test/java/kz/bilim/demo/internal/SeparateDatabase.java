package kz.bilim.demo.internal;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.sql.DataSource;
import java.sql.SQLException;

/**
 * A database beside the test's own on the same embedded server, with the application's schema (Flyway,
 * db/migration): a demo load into it neither sees nor disturbs what the other test classes wrote.
 */
final class SeparateDatabase {

    private SeparateDatabase() {
    }

    /** Creates the database {@code name} afresh (dropping one left behind) and migrates it. */
    static DataSource migrated(DataSource owner, String name) {
        String url;
        String user;
        try (var connection = owner.getConnection()) {
            url = connection.getMetaData().getURL();
            user = connection.getMetaData().getUserName();
        } catch (SQLException e) {
            throw new IllegalStateException("the test database's address", e);
        }
        drop(owner, name);
        JdbcClient.create(owner).sql("create database " + name).update();
        var dataSource = new DriverManagerDataSource(url.replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1"), user, "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        return dataSource;
    }

    static void drop(DataSource owner, String name) {
        JdbcClient.create(owner).sql("drop database if exists " + name + " with (force)").update();
    }
}
