# Sourced by the bench scripts that time whole commands as a user runs them (JVM start included).
# Prints each figure beside its target and a reference taken in the same minute: a bare JVM start
# with the launcher's flags (java -version), so that a figure taken on a loaded machine still says
# something, and the machine and its load average.

# median wall time in ms of RUNS (default 5) runs of a command, after one run not counted
whole_ms() {
  "$@" > /dev/null 2>&1 || true
  for _ in $(seq "${RUNS:-5}"); do
    start=$(date +%s%N)
    "$@" > /dev/null 2>&1 || true
    echo $(( ($(date +%s%N) - start) / 1000000 ))
  done | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}

# the reference: a bare JVM start with bin/schemagate's flags, median in ms
jvm_ms() {
  whole_ms java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto -version
}

# "2 cores (model), load average 1.00 0.80 0.70"
machine() {
  model=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -1)
  echo "$(nproc) cores${model:+ ($model)}, load average $(cut -d' ' -f1-3 /proc/loadavg)"
}

# ratio of two integers, two decimals
ratio() {
  awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'
}

# figure LABEL MS TARGET_MS REFERENCE_NAME REFERENCE_MS; a TARGET_MS of - for a figure with no target
figure() {
  if [ "$3" = - ]; then
    echo "$1: $2 ms; $(ratio "$2" "$5")x $4 ($5 ms)"
  else
    echo "$1: $2 ms; target $3 ms: $(ratio "$2" "$3")x the target; $(ratio "$2" "$5")x $4 ($5 ms)"
  fi
}
