# The launcher of a warm box. The runner starts the engine's wrapped command (bwrap, seccomp, the
# in-box proxy relays) once per workspace with this program as the command, then sends it one
# request per command on stdin (a pipe; never a socket: seccomp refuses AF_UNIX in the box).
#
# Per request it starts the command in its own session with the command's rlimits, stdin
# /dev/null, and its output on pipes it relays to the runner in frames the command cannot forge.
# When the command's main process ends, every other process in the box's PID namespace is killed
# (kill(-1) reaches all of them but PID 1 and us; as subreaper we reap what is orphaned), the
# writable tmpfs mounts are put back as they were when the box started, and the exit is reported.
# A box whose tmpfs skeleton cannot be put back is reported unclean and the runner discards it.
#
# Frames to the runner (stdout): one type byte, a 4-byte big-endian length, the payload.
#   R ready | A request accepted (nothing started yet) | O stdout bytes | E stderr bytes
#   X exit: JSON {"code", "signal", "clean"}
# The process is not dumpable, so a command (same uid) cannot open /proc/<us>/fd or read our
# memory to reach the request pipe.

import ctypes, errno, json, os, resource, select, shutil, signal, stat, struct, sys

PR_SET_DUMPABLE = 4
PR_SET_CHILD_SUBREAPER = 36
OUT = 1
CHUNK = 65536


def frame(kind, payload=b''):
    data = kind + struct.pack('>I', len(payload)) + payload
    while data:
        data = data[os.write(OUT, data):]


def writable_tmpfs():
    """Mount points of the read-write tmpfs mounts the box can change (/tmp, /dev, /dev/shm, …)."""
    points = []
    with open('/proc/self/mountinfo') as f:
        for line in f:
            left, right = line.split(' - ', 1)
            fields, fstype = left.split(), right.split()[0]
            if fstype == 'tmpfs' and 'rw' in fields[5].split(','):
                points.append(fields[4].replace('\\040', ' '))
    return points


def entry(st):
    # Regular files keep size and mtime: a changed one cannot be restored, so the box is unclean.
    if stat.S_ISREG(st.st_mode):
        return (st.st_mode, st.st_size, st.st_mtime_ns)
    return (st.st_mode,)


def walk(root, dev, seen):
    """Every path under `root` on device `dev` (mount points of other devices listed, not entered)."""
    try:
        names = os.listdir(root)
    except OSError:
        return
    for name in names:
        path = os.path.join(root, name)
        try:
            st = os.lstat(path)
        except OSError:
            continue
        seen[path] = entry(st)
        if stat.S_ISDIR(st.st_mode) and st.st_dev == dev:
            walk(path, dev, seen)


def snapshot():
    shot = {}
    for point in writable_tmpfs():
        try:
            st = os.lstat(point)
        except OSError:
            continue
        seen = {point: entry(st)}
        walk(point, st.st_dev, seen)
        shot[point] = (st.st_dev, seen)
    return shot


def remove(path):
    st = os.lstat(path)
    if stat.S_ISDIR(st.st_mode):
        shutil.rmtree(path)
    else:
        os.unlink(path)


def restore(skeleton):
    """Remove what commands added under the writable tmpfs mounts; True when all is as it was."""
    clean = True
    for point, (dev, before) in skeleton.items():
        now = {point: None}
        walk(point, dev, now)
        # Deepest first is not needed: rmtree takes a new directory with its content.
        for path in sorted(now):
            if path in before or not os.path.lexists(path):
                continue
            try:
                remove(path)
            except OSError:
                clean = False
        for path, was in before.items():
            try:
                if entry(os.lstat(path)) != was:
                    clean = False
            except OSError:
                clean = False
    return clean


def kill_all_but_us():
    """SIGKILL every process of the namespace but PID 1 and us, and reap until none is left."""
    for _ in range(1000):
        try:
            os.kill(-1, signal.SIGKILL)
        except ProcessLookupError:
            pass
        try:
            while True:
                pid, _ = os.waitpid(-1, 0)
        except ChildProcessError:
            pass
        try:
            os.kill(-1, 0)
        except ProcessLookupError:
            return True
    return False


def set_limits(limits):
    for name, value in limits.items():
        if value is None:
            continue
        which = getattr(resource, 'RLIMIT_' + name.upper())
        # CPU: SIGXCPU at the soft limit names the limit; the hard limit a second later is SIGKILL.
        resource.setrlimit(which, (value, value + 1 if name == 'cpu' else value))


def child(req, out_w, err_w):
    try:
        os.setsid()
        # Python ignores SIGPIPE and SIGXFSZ; a command gets the defaults (SIGXFSZ names a limit).
        for sig in (signal.SIGPIPE, signal.SIGXFSZ, signal.SIGCHLD):
            signal.signal(sig, signal.SIG_DFL)
        set_limits(req['rlimits'])
        null = os.open('/dev/null', os.O_RDONLY)
        os.dup2(null, 0)
        os.dup2(out_w, 1)
        os.dup2(err_w, 2)
        os.closerange(3, 65536)
        os.chdir(req['cwd'])
        argv = req['argv']
        # The box's own variables (proxy, trust bundle, placeholders, HOME) win over the request's.
        env = dict(req['env'])
        env.update(os.environ)
        os.execvpe(argv[0], argv, env)
    except FileNotFoundError:
        os.write(2, ('warden: %s: command not found\n' % req['argv'][0]).encode(errors='replace'))
        os._exit(127)
    except BaseException as error:
        os.write(2, ('warden: %s: %s\n' % (req['argv'][0], error)).encode(errors='replace'))
        os._exit(126)


def run(req, skeleton):
    out_r, out_w = os.pipe()
    err_r, err_w = os.pipe()
    pid = os.fork()
    if pid == 0:
        child(req, out_w, err_w)
    os.close(out_w)
    os.close(err_w)
    open_fds = {out_r: b'O', err_r: b'E'}
    status = None
    poller = select.poll()
    for fd in open_fds:
        poller.register(fd, select.POLLIN)
    poller.register(wake_r, select.POLLIN)
    while open_fds or status is None:
        if status is not None:
            # The main process ended: nothing else of this command may live on.
            kill_all_but_us()
        for fd, _ in poller.poll():
            if fd == wake_r:
                os.read(wake_r, 512)
                continue
            data = os.read(fd, CHUNK)
            if data:
                frame(open_fds[fd], data)
            else:
                poller.unregister(fd)
                os.close(fd)
                del open_fds[fd]
        while status is None:
            try:
                done, raw = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                break
            if done == 0:
                break
            if done == pid:
                status = raw
    clean = kill_all_but_us() and restore(skeleton)
    code = os.WEXITSTATUS(status) if os.WIFEXITED(status) else None
    sig = signal.Signals(os.WTERMSIG(status)).name if os.WIFSIGNALED(status) else None
    frame(b'X', json.dumps({'code': code, 'signal': sig, 'clean': clean}).encode())


def main():
    global wake_r
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0 or libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0:
        sys.exit('warden launcher: prctl failed')
    wake_r, wake_w = os.pipe()
    os.set_blocking(wake_w, False)
    signal.set_wakeup_fd(wake_w)
    signal.signal(signal.SIGCHLD, lambda *_: None)
    os.set_blocking(0, True)
    skeleton = snapshot()
    frame(b'R')
    pending = b''
    while True:
        while b'\n' not in pending:
            try:
                data = os.read(0, CHUNK)
            except InterruptedError:
                continue
            if not data:
                return
            pending += data
        line, pending = pending.split(b'\n', 1)
        req = json.loads(line)
        frame(b'A')
        run(req, skeleton)


main()
