package org.conflictgraph.neo4jlocal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;

/**
 * Runs Neo4j Community as a local Bolt server for development and tests.
 *
 * <p>Usage: {@code LocalNeo4j <dataDir> <boltPort> <pageCacheMiB>}. Prints one line starting with
 * {@code READY} when Bolt accepts connections. Stops cleanly on SIGTERM/SIGINT and also when its
 * standard input closes, so that a parent that dies without cleaning up leaves no orphan behind.
 */
public final class LocalNeo4j {
    private LocalNeo4j() {}

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 3) {
            System.err.println("usage: LocalNeo4j <dataDir> <boltPort> <pageCacheMiB>");
            System.exit(64);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        int boltPort = Integer.parseInt(args[1]);
        long pageCacheBytes = Long.parseLong(args[2]) * 1024L * 1024L;

        DatabaseManagementService service = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", boltPort))
                .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", boltPort))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                // Stopping waited 5 s for Bolt's threads and 5 s for its connections, even with none open.
                .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1))
                .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1))
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, pageCacheBytes)
                .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                .build();

        CountDownLatch stopped = new CountDownLatch(1);
        Thread shutdown = new Thread(() -> {
            System.out.println("STOPPING");
            service.shutdown();
            System.out.println("STOPPED");
            stopped.countDown();
        }, "neo4j-local-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdown);

        System.out.println("READY bolt://127.0.0.1:" + boltPort);
        System.out.flush();

        watchParent(System.in);
        stopped.await();
    }

    /** Blocks until stdin reaches end of file (the parent went away), then exits through the hook. */
    private static void watchParent(InputStream stdin) {
        byte[] buffer = new byte[256];
        try {
            while (stdin.read(buffer) >= 0) {
                // Input is ignored; only its end matters.
            }
        } catch (IOException ignored) {
            // A broken pipe means the same as end of file.
        }
        System.exit(0);
    }
}
