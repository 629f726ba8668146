#!/usr/bin/env python3
"""Runs a command at normal priority while everything else on the machine runs at the lowest.

    python3 scripts/prioritized.py COMMAND [ARGS...]

For benchmarks on a shared machine. While COMMAND runs, every other process's session scheduling group
(/proc/PID/autogroup: the kernel shares the CPU between these groups first, so a thread's own nice value alone
does not help) and every thread of it are set to nice 19, checked again every half second; afterwards they are
set back to 0. COMMAND, its children, whatever it started that left its process tree but kept its environment (a
database server started through pg_ctl) with its children, and this script's own ancestors keep their priority. Needs root.
Exits with COMMAND's exit code.
"""
import os
import subprocess
import sys
import threading
import time


def parent_of(pid):
    stat = open(f'/proc/{pid}/stat').read()
    return int(stat[stat.rindex(')') + 2:].split()[1])


def pids():
    return [int(p) for p in os.listdir('/proc') if p.isdigit()]


def descendants(roots):
    children = {}
    for pid in pids():
        try:
            children.setdefault(parent_of(pid), []).append(pid)
        except OSError:
            pass
    found, stack = set(), list(roots)
    while stack:
        pid = stack.pop()
        found.add(pid)
        stack += children.get(pid, [])
    return found


def ancestors():
    found, pid = set(), os.getpid()
    while pid > 1:
        found.add(pid)
        pid = parent_of(pid)
    return found


def started_by_command(pid):
    try:
        return MARK in open(f'/proc/{pid}/environ', 'rb').read()
    except OSError:
        return False


def lowered_threads():
    found = set()
    for pid in pids():
        try:
            found.update(int(t) for t in os.listdir(f'/proc/{pid}/task') if os.getpriority(os.PRIO_PROCESS, int(t)) == 19)
        except OSError:
            pass
    return found


own_group = open('/proc/self/autogroup').read().split()[0]
keep = ancestors() | {1}
already_lowest = lowered_threads()
lowered_groups = {}  # group name -> a process in it
# Inherited by everything COMMAND starts, even a daemon that leaves its process tree.
MARK = f'PRIORITIZED_RUN={os.getpid()}\0'.encode()
command = subprocess.Popen(sys.argv[1:], env={**os.environ, 'PRIORITIZED_RUN': str(os.getpid())})
running = True


def lower_the_others():
    while running:
        # A spared server's children too: PostgreSQL's backends overwrite their environment with their titles.
        ours = descendants([command.pid, *filter(started_by_command, pids())]) | keep
        for pid in pids():
            if pid in ours:
                continue
            try:
                if not os.readlink(f'/proc/{pid}/exe'):
                    continue  # a kernel thread
                name, _, nice = open(f'/proc/{pid}/autogroup').read().split()
                if name != own_group and nice != '19':
                    open(f'/proc/{pid}/autogroup', 'w').write('19')
                    lowered_groups[name] = pid
                for tid in (int(t) for t in os.listdir(f'/proc/{pid}/task')):
                    if os.getpriority(os.PRIO_PROCESS, tid) < 19:
                        os.setpriority(os.PRIO_PROCESS, tid, 19)
            except (OSError, ValueError):
                pass  # gone meanwhile
        time.sleep(0.5)


lowering = threading.Thread(target=lower_the_others, daemon=True)
lowering.start()
code = command.wait()
running = False
lowering.join()
for pid in lowered_groups.values():
    try:
        open(f'/proc/{pid}/autogroup', 'w').write('0')
    except OSError:
        pass
# Threads started meanwhile by a lowered thread inherited 19: set back every thread that was not at 19 before.
for tid in lowered_threads() - already_lowest:
    try:
        os.setpriority(os.PRIO_PROCESS, tid, 0)
    except OSError:
        pass
sys.exit(code)
