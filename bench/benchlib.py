"""What the benchmark scripts share: finding the tools, building curator the way the README does,
and measuring one whole process (wall time, CPU time, peak memory)."""

import os
import shutil
import subprocess
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# GNU time (Debian's package `time`), not the shell keyword.
GNU_TIME = os.environ.get("GNU_TIME", "/usr/bin/time")


def fail(script, message):
    print(f"bench/{script}: {message}", file=sys.stderr)
    sys.exit(2)


def find_tool(script, env_name, command):
    path = os.environ.get(env_name) or shutil.which(command)
    if not path or not os.access(path, os.X_OK):
        fail(script, f"{command} not found (install it or set {env_name}=path)")
    return os.path.abspath(path)


def find_curator(script):
    """CURATOR from the environment, else a release build in .build-bench.

    SwiftPM is always asked: it rebuilds only what changed, and a stale binary would measure old
    code. The Swift runtime is linked statically, as the README builds it, so start-up is not spent
    in the dynamic loader.
    """
    path = os.environ.get("CURATOR")
    if path:
        if not os.access(path, os.X_OK):
            fail(script, f"CURATOR={path} is not an executable")
        return os.path.abspath(path)
    path = os.path.join(REPO, ".build-bench", "release", "curator")
    print("building curator (release, static Swift runtime, .build-bench) ...", file=sys.stderr, flush=True)
    build = subprocess.run(
        ["swift", "build", "-c", "release", "--static-swift-stdlib", "--scratch-path", ".build-bench",
         "--product", "curator"],
        cwd=REPO, stdout=subprocess.DEVNULL)
    if build.returncode != 0 or not os.access(path, os.X_OK):
        fail(script, "swift build -c release failed")
    return path


def run_timed(script, argv, ok_codes=(0,)):
    """Runs argv in the current directory to completion; returns (wall seconds, CPU seconds).

    The tool is started with posix_spawn (vfork and exec, nothing else in between) and reaped with
    wait4, so the wall time is the tool's own start-up, work and exit. Going through GNU time, as
    `run_measured` must for memory, adds a fork and an exec of time(1) to every run: 1.9 ms
    against 0.6 ms for /bin/true on the 2-core benchmark machine, a twentieth of a lint of the
    list. Output goes to /dev/null; on a failure the tool is run again through `run_measured`,
    which shows its standard error.
    """
    start = time.perf_counter()
    pid = os.posix_spawn(argv[0], argv, os.environ, file_actions=[
        (os.POSIX_SPAWN_OPEN, 0, os.devnull, os.O_RDONLY, 0),
        (os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0),
        (os.POSIX_SPAWN_OPEN, 2, os.devnull, os.O_WRONLY, 0),
    ])
    _, status, usage = os.wait4(pid, 0)
    elapsed = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in ok_codes:
        run_measured(script, argv, os.getcwd(), ok_codes)
        fail(script, f"{argv[0]} failed with {'signal ' + str(-code) if code < 0 else 'exit status ' + str(code)}")
    return elapsed, usage.ru_utime + usage.ru_stime


def run_measured(script, argv, cwd, ok_codes=(0,), env=None):
    """Runs argv to completion; returns (wall seconds, CPU seconds, peak RSS in bytes).

    Peak memory comes from GNU time, which forks the tool from its own small process. The rusage
    that wait4 returns for a child of this script is no good for it: Linux carries a process's
    high-water mark across fork and exec, so every tool would report at least the size of this
    Python process.
    """
    if not os.access(GNU_TIME, os.X_OK):
        fail(script, f"{GNU_TIME} not found (apt-get install time, or set GNU_TIME=path)")
    with tempfile.TemporaryFile() as stderr, tempfile.NamedTemporaryFile("r") as peak:
        start = time.perf_counter()
        process = subprocess.Popen([GNU_TIME, "-f", "%M", "-o", peak.name, *argv], cwd=cwd, env=env,
                                   stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=stderr)
        # wait4 gives the CPU time of time(1) and, summed in, of the tool it waited for.
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
        code = os.waitstatus_to_exitcode(status)
        if code not in ok_codes:
            stderr.seek(0)
            tail = stderr.read()[-2000:].decode("utf-8", "replace")
            fail(script, f"{argv[0]} failed with {'signal ' + str(-code) if code < 0 else 'exit status ' + str(code)}"
                         f" in {cwd}:\n{tail}")
        peak.seek(0)
        numbers = [word for word in peak.read().split() if word.isdigit()]
        if not numbers:
            fail(script, f"{GNU_TIME} did not report the peak memory of {argv[0]}")
    return elapsed, usage.ru_utime + usage.ru_stime, int(numbers[-1]) * 1024
