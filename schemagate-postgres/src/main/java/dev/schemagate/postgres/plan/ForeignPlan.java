package dev.schemagate.postgres.plan;

import dev.schemagate.model.Snapshot;
import dev.schemagate.model.dialect.ForeignDataWrapper;
import dev.schemagate.model.dialect.ForeignServer;
import dev.schemagate.postgres.ddl.DependencyGraph;
import dev.schemagate.postgres.ddl.PlanDdl;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * How a plan changes foreign-data wrappers and foreign servers: a wrapper's functions and options, a
 * server's version and options are altered in place; a server is dropped and created again only when
 * its wrapper or type changes (neither can be altered) or its wrapper goes, a server before its wrapper.
 */
final class ForeignPlan {

    private final Snapshot from;
    private final Snapshot to;

    ForeignPlan(Snapshot from, Snapshot to) {
        this.from = from;
        this.to = to;
    }

    private boolean wrapperGoes(ForeignDataWrapper wrapper) {
        return to.postgres().foreignDataWrapper(wrapper.name()).isEmpty();
    }

    private boolean serverGoes(ForeignServer server) {
        Optional<ForeignServer> target = to.postgres().foreignServer(server.name());
        return target.isEmpty() || !target.get().wrapper().equals(server.wrapper())
                || !Objects.equals(target.get().type(), server.type())
                || from.postgres().foreignDataWrapper(server.wrapper()).map(this::wrapperGoes).orElse(false);
    }

    /** Servers, then wrappers, that the plan drops. */
    void drops(DropOrder drops) {
        from.postgres().foreignServers().stream().filter(this::serverGoes).forEach(s -> drops.dropped(DependencyGraph.ref(s),
                one("DROP SERVER " + PlanDdl.ident(s.name()))));
        from.postgres().foreignDataWrappers().stream().filter(this::wrapperGoes).forEach(w -> drops.dropped(
                DependencyGraph.ref(w), one("DROP FOREIGN DATA WRAPPER " + PlanDdl.ident(w.name()))));
    }

    /** What changes in place on the wrappers and servers kept. */
    void changes(CreateOrder creates) {
        Steps steps = new Steps();
        for (ForeignDataWrapper wrapper : keptWrappers()) {
            ForeignDataWrapper target = to.postgres().foreignDataWrapper(wrapper.name()).orElseThrow();
            String alter = "ALTER FOREIGN DATA WRAPPER " + PlanDdl.ident(wrapper.name());
            if (!Objects.equals(wrapper.handler(), target.handler())) {
                steps.add(alter + (target.handler() == null ? " NO HANDLER" : " HANDLER " + target.handler()));
            }
            if (!Objects.equals(wrapper.validator(), target.validator())) {
                steps.add(alter + (target.validator() == null ? " NO VALIDATOR" : " VALIDATOR " + target.validator()));
            }
            String options = PlanDdl.optionChanges(wrapper.options(), target.options());
            if (!options.isEmpty()) {
                steps.add(alter + options);
            }
        }
        for (ForeignServer server : keptServers()) {
            ForeignServer target = to.postgres().foreignServer(server.name()).orElseThrow();
            String alter = "ALTER SERVER " + PlanDdl.ident(server.name());
            String version = Objects.equals(server.version(), target.version()) ? ""
                    : " VERSION " + (target.version() == null ? "NULL" : PlanDdl.literal(target.version()));
            String options = PlanDdl.optionChanges(server.options(), target.options());
            if (!version.isEmpty() || !options.isEmpty()) {
                steps.add(alter + version + options);
            }
        }
        creates.fixed(steps);
    }

    List<ForeignDataWrapper> createdWrappers() {
        return to.postgres().foreignDataWrappers().stream().filter(w -> from.postgres().foreignDataWrapper(w.name()).isEmpty())
                .toList();
    }

    List<ForeignServer> createdServers() {
        return to.postgres().foreignServers().stream().filter(s -> from.postgres().foreignServer(s.name())
                .map(this::serverGoes).orElse(true)).toList();
    }

    List<ForeignDataWrapper> keptWrappers() {
        return from.postgres().foreignDataWrappers().stream().filter(Predicate.not(this::wrapperGoes)).toList();
    }

    List<ForeignServer> keptServers() {
        return from.postgres().foreignServers().stream().filter(Predicate.not(this::serverGoes)).toList();
    }

    private static Steps one(String sql) {
        Steps steps = new Steps();
        steps.add(sql);
        return steps;
    }
}
