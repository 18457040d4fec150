#!/usr/bin/env bash
# Where the machine's CPU goes per text, for the platform's intake and for the bare endpoint side by side: runs the
# intake benchmark (IntakeBenchmark) under a system-wide `perf record`, cuts the profile to each side's rounds (the
# benchmark prints their wall-clock windows) and prints CPU per text by process and thread group (PostgreSQL, the
# HTTP workers, the event loop, the load generator, Camel, GC, JIT...) and PostgreSQL's own by kind of work.
# The benchmark's CPU figures say how much; this says who and on what.
#
# Needs perf (Debian: linux-perf), the right to profile the whole machine (root, or kernel.perf_event_paranoid <= -1)
# and python3. Usage, from the repository's root: channel-sms/bench/profile-intake.sh
# Output and the raw profile: channel-sms/target/profile/ (perf.data, the benchmark's log).
set -euo pipefail
cd "$(dirname "$0")/../.."
out=channel-sms/target/profile
mkdir -p "$out"
command -v perf >/dev/null || { echo "perf not found (Debian: apt-get install linux-perf)" >&2; exit 1; }

./mvnw -q -pl platform-core install -DskipTests
perf record -a -F 499 -g -k CLOCK_REALTIME -o "$out/perf.data" >"$out/perf-record.log" 2>&1 &
recorder=$!
trap 'kill -INT $recorder 2>/dev/null || true' EXIT
# The JIT's symbols for perf (written at the JVM's exit), and frame pointers for its stacks.
if ! ./mvnw -q -pl channel-sms test -Pbenchmark -Dtest=IntakeBenchmark \
    -DargLine="-XX:+UnlockDiagnosticVMOptions -XX:+DumpPerfMapAtExit -XX:+PreserveFramePointer" >"$out/bench.log" 2>&1
then
  tail -40 "$out/bench.log" >&2
  exit 1
fi
grep '^\[bench\]' "$out/bench.log"
kill -INT $recorder
wait $recorder || true
trap - EXIT

windows() { sed -n "s/^\[bench\] windows $1 //p" "$out/bench.log"; }
backends() { sed -n "s/^\[bench\] backends $1 //p" "$out/bench.log"; }
texts() { grep "^\[bench\] $1" "$out/bench.log" | sed -n 's/.*(n=\([0-9,]*\)).*/\1/p' | tr -d ,; }
for side in platform bare; do
  perf report -i "$out/perf.data" --time "$(windows $side)" --sort comm,dso --stdio --no-children -g none \
      -F sample,comm,dso -t '|' >"$out/$side.threads"
  perf report -i "$out/perf.data" --time "$(windows $side)" --sort pid,dso,sym --stdio --no-children -g none \
      -F sample,pid,dso,sym -t '|' >"$out/$side.symbols"
done

python3 - "$out" "$(texts 'platform intake')" "$(texts 'bare endpoint')" "$(backends platform)" "$(backends bare)" \
    <<'PY'
import collections, re, sys

out, texts = sys.argv[1], {'platform': int(sys.argv[2]), 'bare': int(sys.argv[3])}
# The benchmark's sampler of pg_stat_activity saw which server processes ran the webhook's statement, which others.
ROLE_NAMES = {'statement': 'connections running the endpoint\'s statement',
              'others': 'connections running other statements (the drain)', 'sampler': 'the benchmark\'s sampler'}
roles = {}
for side, line in (('platform', sys.argv[4]), ('bare', sys.argv[5])):
    roles[side] = {int(pid): ROLE_NAMES[role] for role, pids in (part.split('=') for part in line.split())
                   for pid in pids.split(',') if pid}
MS_PER_SAMPLE = 1000 / 499
GROUPS = [('PostgreSQL', r'^postgres'), ('HTTP workers (resource methods, JDBC)', r'^executor-thread'),
          ('HTTP event loop', r'^vert\.x-eventloo'), ('load generator (benchmark)', r'^HttpClient'),
          ('Camel (the journal drain, deliveries)', r'^Camel'), ('platform threads (dispatch, live events)', r'^nohold-'),
          ('garbage collector', r'^(G1|GC)'), ('JIT compilers', r'^C[12] Compiler'),
          ('benchmark meters', r'^(pool-|bench-)'), ('idle', r'^swapper')]
KINDS = [('kernel: syscalls (network, fsync), interrupts', r'^\[k\]'),
         ('executor start-up, locks, catalog', r'ExecInit|ExprEvalPush|TupleDesc|ExecBuild|ExecType|expression_tree|'
          r'exprTypmod|exprType|expr_setup|fmgr_info|ExecAssign|MakeTupleTableSlot|ExecPush|CreateExecutorState|'
          r'ExecEnd|ExecOpen|ExecClose|FreeExecutorState|SearchCatCache|ScanQuery|AcquireExecutorLocks|hash_search|'
          r'LockAcquire|LockRelease|relation_open|relation_close|RelationIdGet|RelationIncrement|RelationDecrement|'
          r'GetCachedPlan|CheckCachedPlan|hash_bytes|hash_initial|ResourceOwner|stack_is_too_deep|check_stack_depth|'
          r'AllocSetContextCreate|MemoryContextDelete|MemoryContextReset|AllocSetReset|AllocSetDelete|get_typ|'
          r'InitResultRelInfo|bsearch|dispatch_compare_ptr|MemoryContextStrdup'),
         ('B-tree indexes', r'_bt_|BTree|\bbt[a-z]+|heap_index_delete|index_form|index_getattr'),
         ('buffers and their locks', r'LWLock|PinBuffer|UnpinBuffer|ReadBuffer|MarkBufferDirty|BufTable|LockBuffer|'
          r'ReleaseBuffer|GetPrivateRefCount'),
         ('running the plan (rows, expressions)', r'ExecInterp|ExecScan|ExecProc|ExecAgg|ExecSort|ExecNest|ExecLimit|'
          r'ExecModify|ExecInsert|ExecCte|tts_|slot_|heap_|fill_val|PageAdd|tuplestore|ExecResult|ExecAppend|'
          r'ExecHash|ExecIndex|FunctionCall|ExecEval|ExecJust|ExecQual'),
         ('memory', r'palloc|AllocSet|malloc|_int_free|pfree|memcpy|memset|memmove'),
         ('WAL records', r'XLog|crc32'),
         ('full-text search (to_tsvector, GIN)', r'TParser|snowball|find_among|gin|tsvector|dict_'),
         ('client protocol', r'pq_|PostgresMain|exec_bind|exec_execute|printtup|WaitEventSet')]


def read(path):
    for line in open(path):
        fields = [f.strip() for f in line.split('|', 3)]
        if len(fields) >= 3 and fields[0].isdigit():
            yield int(fields[0]), *fields[1:]


def group(table, name):
    return next((label for label, pattern in table if re.search(pattern, name)), 'other')


def per_text(samples, side):
    return samples * MS_PER_SAMPLE / texts[side]


def show(title, figures):
    print(f'\n{title}: CPU ms per text (perf samples at 499 Hz)')
    print(f"{'':52} {'platform':>9} {'bare':>9} {'difference':>11}")
    rows = sorted(set(figures['platform']) | set(figures['bare']), key=lambda k: -figures['platform'][k])
    for row in rows:
        p, b = per_text(figures['platform'][row], 'platform'), per_text(figures['bare'][row], 'bare')
        if row != 'idle' and max(p, b) >= 0.005:
            print(f'{row:52} {p:9.3f} {b:9.3f} {p - b:+11.3f}')
    busy = {side: sum(v for k, v in figures[side].items() if k != 'idle') for side in texts}
    print(f"{'all but idle':52} {per_text(busy['platform'], 'platform'):9.3f} {per_text(busy['bare'], 'bare'):9.3f}"
          f" {per_text(busy['platform'], 'platform') - per_text(busy['bare'], 'bare'):+11.3f}")


threads = {side: collections.Counter() for side in texts}
postgres = {side: collections.Counter() for side in texts}
by_role = {side: collections.Counter() for side in texts}
for side in texts:
    for samples, comm, _ in read(f'{out}/{side}.threads'):
        threads[side][group(GROUPS, comm)] += samples
    for samples, process, dso, sym in read(f'{out}/{side}.symbols'):
        pid, _, comm = process.partition(':')
        if comm != 'postgres':
            continue
        by_role[side][roles[side].get(int(pid), 'background (WAL writer, checkpointer, vacuum...)')] += samples
        kind = group(KINDS, sym)
        if kind == 'other':
            kind = 'other server code' if dso == 'postgres' else 'libraries: ' + dso
        postgres[side][kind] += samples
print(f"texts: platform {texts['platform']:,}, bare endpoint {texts['bare']:,}")
show('By process and thread group', threads)
show('PostgreSQL by kind of work', postgres)
show('PostgreSQL by process (a pooled connection counts where most of its samples were)', by_role)
PY
