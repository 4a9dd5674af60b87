# Sourced by the benchmark scripts: run_test_main ARGS… starts kz.bilim.BilimApplication on the TEST classpath (the
# benchmarks set up national-size fixtures the way the tests do, writing other modules' tables directly, so they live
# with the tests). spring-boot:run no longer puts test classes on the classpath (Boot 4): the test classpath is built
# once with dependency:build-classpath and the application started with java itself.
# JAVA_OPTS adds JVM options, e.g. JAVA_OPTS=-XX:StartFlightRecording=filename=/tmp/run.jfr,settings=profile
# (then: jfr print --events jdk.ExecutionSample /tmp/run.jfr). MVN_OFFLINE=-o builds offline.
run_test_main() {
    ./mvnw ${MVN_OFFLINE:-} -q -B test-compile dependency:build-classpath -Dmdep.includeScope=test \
        -Dmdep.outputFile=target/test-classpath.txt
    # shellcheck disable=SC2086
    exec java -Xmx2g ${JAVA_OPTS:-} -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
        kz.bilim.BilimApplication "$@"
}

# The path of ../shared/tools/pg-yardstick.sh if it is there, else empty.
yardstick_path() {
    if [ -f "$(pwd)/../shared/tools/pg-yardstick.sh" ]; then echo "$(pwd)/../shared/tools/pg-yardstick.sh"; fi
}
