# Sourced by bench/run and faults/run: builds the jars they start, when a jar is missing or older
# than its sources. Expects say, die and LOGS from the script that sources it, and the
# repository's root as the working directory.

newer_than() { # jar, paths... → true if a path holds a file newer than the jar (or no jar)
    local jar=$1
    shift
    [[ -z $jar || ! -f $jar ]] && return 0
    [[ -n $(find "$@" -newer "$jar" -print -quit 2> /dev/null) ]]
}
newest() { ls -t $1 2> /dev/null | head -n 1 || true; } # glob → newest match

# The product's jars that both scripts start: PostgreSQL, the command side and the query side.
build_product_if_stale() {
    local sources=(shared-events platform local-postgres command-side query-side) jar stale=false
    for jar in "$(newest 'command-side/target/command-side-*-exec.jar')" "$(newest 'query-side/target/query-side-*-exec.jar')" \
        "$(newest 'local-postgres/target/local-postgres-*.jar')"; do
        newer_than "$jar" "${sources[@]/%//src}" pom.xml */pom.xml && stale=true
    done
    [[ -n $(ls local-postgres/target/lib 2> /dev/null) ]] || stale=true
    mkdir -p "$LOGS"
    if $stale; then
        say "building the applications (log: $LOGS/build.log)"
        ./mvnw -q -B package -DskipTests -pl local-postgres,command-side,query-side -am > "$LOGS/build.log" 2>&1 \
            || { tail -n 40 "$LOGS/build.log" >&2; die "the build failed"; }
        touch command-side/target/*-exec.jar query-side/target/*-exec.jar local-postgres/target/local-postgres-*.jar
    fi
}

# A tool's own reactor: pom, what it is, then its jars' globs, --, and the folders they are built from.
build_tool_if_stale() {
    local pom=$1 what=$2 jars=() jar stale=false
    shift 2
    while [[ $1 != -- ]]; do jars+=("$1"); shift; done
    shift
    for jar in "${jars[@]}"; do
        newer_than "$(newest "$jar")" "$@" pom.xml && stale=true
    done
    if $stale; then
        say "building $what (log: $LOGS/build-$what.log)"
        ./mvnw -q -B -f "$pom" package -DskipTests > "$LOGS/build-$what.log" 2>&1 \
            || { tail -n 40 "$LOGS/build-$what.log" >&2; die "the build of $what failed"; }
        for jar in "${jars[@]}"; do touch $jar; done
    fi
}
