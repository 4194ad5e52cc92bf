# The schemagate command in a container, for CI systems that run images:
#   docker run --rm -v "$PWD:/work" ghcr.io/schemagate/schemagate verify db/migrations
#
# Built by .github/workflows/release.yml from the released archive:
#   mvn -B -Pdist package -DskipTests
#   docker build --build-arg VERSION=0.1.0 -t schemagate .
# The embedded PostgreSQL binaries are unpacked at build time by a first run, so a container's
# first run starts the server at once; the run happens as the unprivileged user the image runs
# as, because PostgreSQL refuses to start as root.
FROM eclipse-temurin:17-jre-jammy

ARG VERSION
ADD schemagate-cli/target/schemagate-${VERSION}-dist.tar.gz /opt/
RUN ln -s /opt/schemagate-${VERSION}/bin/schemagate /usr/local/bin/schemagate \
    && useradd --create-home --uid 10001 --user-group schemagate \
    && mkdir /work && chown schemagate:schemagate /work

USER schemagate
WORKDIR /work
RUN mkdir /tmp/warm-up \
    && echo 'CREATE TABLE warm_up (id int);' > /tmp/warm-up/1_warm_up.up.sql \
    && echo 'DROP TABLE warm_up;' > /tmp/warm-up/1_warm_up.down.sql \
    && schemagate verify /tmp/warm-up --checks apply \
    && rm -rf /tmp/warm-up /work/build

ENTRYPOINT ["schemagate"]
CMD ["--help"]
