package cn.tongban.platform.db;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded PostgreSQL: where it keeps its data, its port (0: a free port chosen at each start), whether it is
 * ephemeral (a fresh temporary folder: tests), and {@code nonDurableDemo}: the only way to run it without fsync and
 * synchronous commit, named so, for throwaway demos and tests; refused without the demo profile.
 */
@ConfigurationProperties("tongban.db.embedded")
public record EmbeddedDatabaseProperties(
    @DefaultValue("data/postgres") String dataDir,
    @DefaultValue("0") int port,
    @DefaultValue("false") boolean ephemeral,
    @DefaultValue("false") boolean nonDurableDemo) {}
