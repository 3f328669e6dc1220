package com.eoc.accounts.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the figures were measured on: they mean little without it. */
public final class Machine {

    private Machine() {
    }

    public static Map<String, Object> describe(String jdbcUrl) throws SQLException {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cpu", firstValue(Path.of("/proc/cpuinfo"), "model name"));
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        String memory = firstValue(Path.of("/proc/meminfo"), "MemTotal");
        machine.put("memory_mb", memory == null ? null : Long.parseLong(memory.replaceAll("\\D", "")) / 1024);
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        try (Connection connection = connect(jdbcUrl); Statement sql = connection.createStatement()) {
            machine.put("postgresql", single(sql, "SHOW server_version"));
            for (String setting : List.of("fsync", "synchronous_commit", "shared_buffers", "max_connections")) {
                machine.put("postgresql_" + setting, single(sql, "SHOW " + setting));
            }
        }
        return machine;
    }

    /** A connection to the PostgreSQL that the applications use, as its superuser. */
    public static Connection connect(String jdbcUrl) throws SQLException {
        return DriverManager.getConnection(jdbcUrl, "postgres", "");
    }

    /** Resident memory of a process, from /proc, in MiB. */
    public static double rssMb(long pid) throws IOException {
        String kilobytes = firstValue(Path.of("/proc/" + pid + "/status"), "VmRSS");
        if (kilobytes == null) {
            throw new IllegalStateException("no VmRSS for process " + pid + ": has it stopped?");
        }
        return Long.parseLong(kilobytes.replaceAll("\\D", "")) / 1024.0;
    }

    private static String single(Statement sql, String query) throws SQLException {
        try (ResultSet row = sql.executeQuery(query)) {
            row.next();
            return row.getString(1);
        }
    }

    private static String firstValue(Path file, String key) {
        try {
            return Files.readAllLines(file).stream()
                    .filter(line -> line.startsWith(key))
                    .map(line -> line.substring(line.indexOf(':') + 1).strip())
                    .findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        }
    }
}
