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
 * <p>Arguments: {@code --workdir DIR} (required), {@code --bolt-port N} (0 = any free port),
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
        AtomicReference<Neo4j> running = new AtomicReference<>();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            Neo4j server = running.getAndSet(null);
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
            Neo4j neo4j = start(opts, settings);
            running.set(neo4j);
            gds = checkGds(neo4j.defaultDatabaseService());
            OUT.println("READY bolt://127.0.0.1:" + neo4j.boltURI().getPort() + " gds=" + gds);
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

    private static Neo4j start(Map<String, String> opts, List<String> settings) throws IOException {
        Path workdir = Path.of(opts.get("workdir")).toAbsolutePath();
        Files.createDirectories(workdir);
        int boltPort = Integer.parseInt(opts.getOrDefault("bolt-port", "0"));
        String password = opts.get("password");

        Neo4jBuilder builder = Neo4jBuilders.newInProcessBuilder(workdir)
                .withConfig(BoltConnector.enabled, true)
                .withConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", boltPort))
                .withConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", boltPort))
                .withConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .withConfig(HttpConnector.enabled, false)
                .withConfig(HttpsConnector.enabled, false)
                .withConfig(GraphDatabaseSettings.auth_enabled, password != null)
                .withConfig(GraphDatabaseSettings.procedure_unrestricted, List.of("gds.*"))
                .withConfig(GraphDatabaseSettings.shutdown_transaction_end_timeout, Duration.ofSeconds(5))
                // Bolt's Netty event loops otherwise wait a 2 s quiet period (twice) on shutdown.
                .withConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .withConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(5));
        if (opts.containsKey("plugins")) {
            builder = builder.withConfig(
                    GraphDatabaseSettings.plugin_dir, Path.of(opts.get("plugins")).toAbsolutePath());
        }
        if (opts.containsKey("pagecache")) {
            builder = builder.withConfig(
                    GraphDatabaseSettings.pagecache_memory, parseBytes(opts.get("pagecache")));
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
                builder = builder.withConfig(setting, ((SettingImpl<Object>) setting).parse(kv.substring(eq + 1)));
            }
        }

        log("building DBMS");
        Neo4j neo4j = builder.build();
        log("DBMS started");
        if (password != null) {
            neo4j.databaseManagementService()
                    .database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME)
                    .executeTransactionally(
                            "ALTER USER neo4j SET PASSWORD $pw CHANGE NOT REQUIRED", Map.of("pw", password));
        }
        URI bolt = neo4j.boltURI();
        log("bolt=" + bolt + " workdir=" + workdir);
        return neo4j;
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
