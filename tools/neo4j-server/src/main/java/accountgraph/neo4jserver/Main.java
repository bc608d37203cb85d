package accountgraph.neo4jserver;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import org.neo4j.configuration.Config;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.SettingImpl;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.config.Setting;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilder;
import org.neo4j.harness.Neo4jBuilders;

/**
 * Runs one Neo4j 5.26 Community DBMS in this JVM for AccountGraph's tests and benchmarks.
 *
 * <p>Protocol with the parent process (tools/neo4j_launcher.py):
 *
 * <ul>
 *   <li>stdout carries exactly one line of ours: {@code READY bolt://127.0.0.1:PORT gds=true|false}
 *       once Bolt accepts connections, or {@code FAILED <reason>} before exiting non-zero. Neo4j itself
 *       logs to files under the work directory; anything else on stdout must be ignored by the parent.
 *   <li>The JVM shuts Neo4j down cleanly and exits when its stdin reaches EOF (the parent died or
 *       closed the pipe), on SIGTERM/SIGINT, or when a line {@code STOP} is read from stdin.
 * </ul>
 *
 * <p>Two modes. By default the DBMS is built with neo4j-harness in a fresh random subdirectory of
 * {@code --workdir}, which Neo4j deletes on shutdown (every start is an empty database). With
 * {@code --home DIR} it is built with {@link DatabaseManagementServiceBuilder} on that Neo4j home
 * instead: persistent ({@code DIR/data}, logs in {@code DIR/logs}), so a later start with the same
 * home sees the same data; {@code --bolt-port} must then be a concrete port. Same settings both ways.
 *
 * <p>Arguments: {@code --workdir DIR} (required), {@code --bolt-port N} (0 = any free port),
 * {@code --home DIR} (persistent mode, see above),
 * {@code --password PW} (enables authentication for user {@code neo4j}; without it auth is off),
 * {@code --stdin-watch false} (do not exit on stdin EOF, e.g. when run by hand with {@code </dev/null}),
 * {@code --plugins DIR} (Neo4j plugin directory, scanned for procedures), {@code --pagecache SIZE}
 * (e.g. 256m), and any number of {@code --setting name=value} for other Neo4j/GDS settings.
 */
public final class Main {
    private static final PrintStream OUT = new PrintStream(
            new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);

    private Main() {}

    public static void main(String[] args) {
        Map<String, String> opts = new LinkedHashMap<>();
        List<String> settings = new ArrayList<>();
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (!a.startsWith("--") || i + 1 >= args.length) {
                    throw new IllegalArgumentException("bad argument: " + a);
                }
                String v = args[++i];
                if (a.equals("--setting")) {
                    settings.add(v);
                } else {
                    opts.put(a.substring(2), v);
                }
            }
            if (!opts.containsKey("workdir")) {
                throw new IllegalArgumentException("--workdir is required");
            }
        } catch (IllegalArgumentException e) {
            OUT.println("FAILED " + e.getMessage());
            System.exit(2);
            return;
        }

        // Keep Neo4j's own console output (if any) off our protocol stream.
        System.setOut(System.err);

        // Shutdown path for SIGTERM/SIGINT and System.exit: close Neo4j if it got as far as starting.
        AtomicReference<Running> running = new AtomicReference<>();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            Running server = running.getAndSet(null);
            if (server != null) {
                log("shutting down");
                try {
                    server.close();
                } catch (Throwable t) {
                    t.printStackTrace(System.err);
                }
                log("stopped");
            }
            stopped.countDown();
        }, "neo4j-server-shutdown"));

        // Parent-death watch, from the very start: stdin EOF (or a STOP line) ends the JVM.
        Thread watcher = new Thread(() -> {
            waitForStdinEofOrStop(System.in);
            log("stdin closed: exiting");
            System.exit(0);
        }, "neo4j-server-stdin-watch");
        watcher.setDaemon(true);
        if (!"false".equals(opts.get("stdin-watch"))) {
            watcher.start();
        }

        boolean gds;
        try {
            Running server = opts.containsKey("home") ? startHome(opts, settings) : startHarness(opts, settings);
            running.set(server);
            gds = checkGds(server.defaultDatabase());
            OUT.println("READY bolt://127.0.0.1:" + server.boltPort() + " gds=" + gds);
        } catch (Throwable t) {
            t.printStackTrace(System.err);
            OUT.println("FAILED " + oneLine(t));
            System.exit(1);
            return;
        }

        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A started DBMS, whichever way it was built. {@code close} is a clean shutdown. */
    private interface Running extends AutoCloseable {
        DatabaseManagementService managementService();

        int boltPort();

        default GraphDatabaseService defaultDatabase() {
            return managementService().database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        }
    }

    /** The default mode: neo4j-harness, database in a random subdirectory of --workdir, deleted on close. */
    private static Running startHarness(Map<String, String> opts, List<String> settings) throws IOException {
        Path workdir = Path.of(opts.get("workdir")).toAbsolutePath();
        Files.createDirectories(workdir);
        int boltPort = Integer.parseInt(opts.getOrDefault("bolt-port", "0"));
        String password = opts.get("password");

        Neo4jBuilder builder = Neo4jBuilders.newInProcessBuilder(workdir);
        for (Map.Entry<Setting<?>, Object> e : config(opts, settings, boltPort).entrySet()) {
            builder = withConfig(builder, e.getKey(), e.getValue());
        }

        log("building DBMS (harness)");
        Neo4j neo4j = builder.build();
        log("DBMS started");
        if (password != null) {
            setPassword(neo4j.databaseManagementService(), password);
        }
        URI bolt = neo4j.boltURI();
        log("bolt=" + bolt + " workdir=" + workdir);
        return new Running() {
            @Override
            public DatabaseManagementService managementService() {
                return neo4j.databaseManagementService();
            }

            @Override
            public int boltPort() {
                return bolt.getPort();
            }

            @Override
            public void close() {
                neo4j.close();
            }
        };
    }

    /** --home mode: a persistent DBMS on that Neo4j home directory, restartable with its data. */
    private static Running startHome(Map<String, String> opts, List<String> settings) throws IOException {
        Path home = Path.of(opts.get("home")).toAbsolutePath();
        Files.createDirectories(home);
        int boltPort = Integer.parseInt(opts.getOrDefault("bolt-port", "0"));
        if (boltPort <= 0) {
            throw new IllegalArgumentException("--home needs a concrete --bolt-port (got " + boltPort + ")");
        }
        String password = opts.get("password");

        DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(home)
                .setConfig(config(opts, settings, boltPort));
        log("building DBMS (home " + home + ")");
        DatabaseManagementService dbms = builder.build();
        try {
            log("DBMS started");
            if (password != null) {
                setPassword(dbms, password);
            }
        } catch (RuntimeException e) {
            dbms.shutdown();
            throw e;
        }
        log("bolt=bolt://127.0.0.1:" + boltPort + " home=" + home);
        return new Running() {
            @Override
            public DatabaseManagementService managementService() {
                return dbms;
            }

            @Override
            public int boltPort() {
                return boltPort;
            }

            @Override
            public void close() {
                dbms.shutdown();
            }
        };
    }

    /** The settings both modes use, in order; later entries (the --setting values) win. */
    private static Map<Setting<?>, Object> config(Map<String, String> opts, List<String> settings, int boltPort) {
        Map<Setting<?>, Object> config = new LinkedHashMap<>();
        config.put(BoltConnector.enabled, true);
        config.put(BoltConnector.listen_address, new SocketAddress("127.0.0.1", boltPort));
        config.put(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", boltPort));
        config.put(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED);
        config.put(HttpConnector.enabled, false);
        config.put(HttpsConnector.enabled, false);
        config.put(GraphDatabaseSettings.auth_enabled, opts.get("password") != null);
        config.put(GraphDatabaseSettings.procedure_unrestricted, List.of("gds.*"));
        config.put(GraphDatabaseSettings.shutdown_transaction_end_timeout, Duration.ofSeconds(5));
        // Bolt's Netty event loops otherwise wait a 2 s quiet period (twice) on shutdown.
        config.put(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0);
        config.put(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(5));
        if (opts.containsKey("plugins")) {
            config.put(GraphDatabaseSettings.plugin_dir, Path.of(opts.get("plugins")).toAbsolutePath());
        }
        if (opts.containsKey("pagecache")) {
            config.put(GraphDatabaseSettings.pagecache_memory, parseBytes(opts.get("pagecache")));
        }
        if (!settings.isEmpty()) {
            Map<String, Setting<Object>> declared = Config.defaults().getDeclaredSettings();
            for (String kv : settings) {
                int eq = kv.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("--setting expects name=value, got: " + kv);
                }
                String name = kv.substring(0, eq);
                Setting<Object> setting = declared.get(name);
                if (setting == null) {
                    throw new IllegalArgumentException("unknown Neo4j setting: " + name);
                }
                config.put(setting, ((SettingImpl<Object>) setting).parse(kv.substring(eq + 1)));
            }
        }
        return config;
    }

    @SuppressWarnings("unchecked")
    private static <T> Neo4jBuilder withConfig(Neo4jBuilder builder, Setting<T> setting, Object value) {
        return builder.withConfig(setting, (T) value);
    }

    /**
     * Sets user neo4j's password and clears "change required". Idempotent: on a restarted --home
     * DBMS the password is already this one, set (with CHANGE NOT REQUIRED) by an earlier start;
     * Neo4j refuses to "change" a password to itself, and that refusal is the "already set" case.
     */
    private static void setPassword(DatabaseManagementService dbms, String password) {
        GraphDatabaseService system = dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        try {
            system.executeTransactionally(
                    "ALTER USER neo4j SET PASSWORD $pw CHANGE NOT REQUIRED", Map.of("pw", password));
            log("password set");
        } catch (RuntimeException e) {
            if (!oneLine(e).contains("Old password and new password cannot be the same")) {
                throw e;
            }
            log("password already set");
        }
    }

    private static boolean checkGds(GraphDatabaseService db) {
        try {
            String version = db.executeTransactionally(
                    "CALL gds.version() YIELD gdsVersion RETURN gdsVersion",
                    Map.of(),
                    r -> r.hasNext() ? String.valueOf(r.next().get("gdsVersion")) : null);
            log("gds.version() = " + version);
            return version != null;
        } catch (Throwable t) {
            log("GDS not available: " + oneLine(t));
            return false;
        }
    }

    private static void waitForStdinEofOrStop(InputStream in) {
        StringBuilder line = new StringBuilder();
        try {
            int c;
            while ((c = in.read()) != -1) {
                if (c == '\n') {
                    if (line.toString().trim().equals("STOP")) {
                        return;
                    }
                    line.setLength(0);
                } else if (line.length() < 64) {
                    line.append((char) c);
                }
            }
        } catch (IOException e) {
            // A broken stdin means the parent is gone: treat it like EOF.
        }
    }

    private static void log(String msg) {
        long ms = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
        System.err.printf("neo4j-server [%6.2fs] %s%n", ms / 1000.0, msg);
    }

    private static long parseBytes(String s) {
        String t = s.trim().toLowerCase();
        long mult = 1;
        char last = t.charAt(t.length() - 1);
        if (last == 'k' || last == 'm' || last == 'g') {
            mult = last == 'k' ? 1L << 10 : last == 'm' ? 1L << 20 : 1L << 30;
            t = t.substring(0, t.length() - 1);
        }
        return Long.parseLong(t) * mult;
    }

    private static String oneLine(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String msg = t + (root != t ? " (root cause: " + root + ")" : "");
        return msg.replace('\n', ' ').replace('\r', ' ');
    }
}
