# Shared by the scripts in this folder (sourced, not run).

# Prints the comment block at the top of the calling script (its usage) without the leading '# '.
usage() {
    sed -n '2,/^[^#]/{/^#/s/^# \{0,1\}//p}' "$0"
}

# Exits 0 after printing the usage if any argument is -h or --help (before any work is done).
help_if_asked() {
    local a
    for a in "$@"; do
        case "$a" in
            -h|--help) usage; exit 0 ;;
        esac
    done
}

# Runs Maven quietly; on failure prints what it printed (last 60 lines) and the command, and exits 1.
mvn_step() {
    local log rc
    log=$(mktemp)
    if mvn "$@" >"$log" 2>&1; then
        rm -f "$log"
        return 0
    else
        rc=$?
    fi
    echo "error: build step failed (exit $rc): mvn $*" >&2
    tail -n 60 "$log" >&2
    rm -f "$log"
    exit 1
}
