#include "config.h"

#include "core/probe_client.h"

#include <errno.h>
#include <dirent.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

/* Children still running, so a signal handler can kill them. */
#define MAX_CHILDREN 16
static volatile pid_t running[MAX_CHILDREN];

static void track(pid_t pid)
{
	for (int i = 0; i < MAX_CHILDREN; i++)
		if (running[i] == 0) {
			running[i] = pid;
			return;
		}
}

static void untrack(pid_t pid)
{
	for (int i = 0; i < MAX_CHILDREN; i++)
		if (running[i] == pid)
			running[i] = 0;
}

void probe_client_kill_all(void)
{
	for (int i = 0; i < MAX_CHILDREN; i++)
		if (running[i] > 0) {
			kill(-running[i], SIGKILL);
			kill(running[i], SIGKILL);
			waitpid(running[i], NULL, 0);
			running[i] = 0;
		}
}

static long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

/* Checks the path first so the message names the real problem. */
static bool check_executable(const char *python, char *err, size_t errlen)
{
	struct stat st;
	if (strchr(python, '/') == NULL)
		return true; /* a bare name: execvp searches PATH */
	if (stat(python, &st) != 0) {
		snprintf(err, errlen, "%s: %s", python, strerror(errno));
		return false;
	}
	if (S_ISDIR(st.st_mode)) {
		snprintf(err, errlen, "%s: is a directory, not a Python interpreter", python);
		return false;
	}
	if (access(python, X_OK) != 0) {
		snprintf(err, errlen, "%s: not executable (%s)", python, strerror(errno));
		return false;
	}
	return true;
}

bool probe_client_start(struct probe_client *pc, const char *python, const char *script,
                        char *err, size_t errlen)
{
	memset(pc, 0, sizeof *pc);
	pc->in_fd = pc->out_fd = pc->err_fd = -1;
	snprintf(pc->python, sizeof pc->python, "%s", python);
	if (!check_executable(python, err, errlen))
		return false;
	if (access(script, R_OK) != 0) {
		snprintf(err, errlen, "cannot read the probe script %s: %s", script, strerror(errno));
		return false;
	}
	const char *const argv[] = { python, "-E", "-s", script, NULL };
	return probe_client_spawn(pc, argv, err, errlen);
}

bool probe_client_spawn(struct probe_client *pc, const char *const *argv, char *err,
                        size_t errlen)
{
	const char *python = argv[0];
	if (pc->python[0] == '\0')
		snprintf(pc->python, sizeof pc->python, "%s", python);
	pc->in_fd = pc->out_fd = pc->err_fd = -1;
	pc->len = 0;
	pc->eof = false;

	int in[2], out[2], errp[2], report[2];
	if (pipe2(in, O_CLOEXEC) || pipe2(out, O_CLOEXEC) || pipe2(errp, O_CLOEXEC) ||
	    pipe2(report, O_CLOEXEC)) {
		snprintf(err, errlen, "cannot create pipes: %s", strerror(errno));
		return false;
	}
	pid_t parent = getpid();
	pid_t pid = fork();
	if (pid < 0) {
		snprintf(err, errlen, "cannot start %s: %s", python, strerror(errno));
		close(in[0]), close(in[1]), close(out[0]), close(out[1]);
		close(errp[0]), close(errp[1]), close(report[0]), close(report[1]);
		return false;
	}
	if (pid == 0) {
#ifdef __linux__
		/* die with the parent, however the parent ends */
		prctl(PR_SET_PDEATHSIG, SIGKILL);
		if (getppid() != parent)
			_exit(127);
#endif
		(void)parent;
		/* its own process group, so a stop reaches whatever it starts */
		setpgid(0, 0);
		signal(SIGPIPE, SIG_DFL);
		dup2(in[0], 0);
		dup2(out[1], 1);
		dup2(errp[1], 2);
		execvp(python, (char *const *)argv);
		int e = errno;
		ssize_t w = write(report[1], &e, sizeof e);
		(void)w;
		_exit(127);
	}
	close(in[0]);
	close(out[1]);
	close(errp[1]);
	close(report[1]);
	int child_errno = 0;
	ssize_t got;
	do
		got = read(report[0], &child_errno, sizeof child_errno);
	while (got < 0 && errno == EINTR);
	close(report[0]);
	if (got == (ssize_t)sizeof child_errno) {
		waitpid(pid, NULL, 0);
		close(in[1]), close(out[0]), close(errp[0]);
		snprintf(err, errlen, "cannot run %s: %s", python, strerror(child_errno));
		return false;
	}
	pc->pid = pid;
	pc->in_fd = in[1];
	pc->out_fd = out[0];
	pc->err_fd = errp[0];
	fcntl(pc->out_fd, F_SETFL, fcntl(pc->out_fd, F_GETFL) | O_NONBLOCK);
	fcntl(pc->err_fd, F_SETFL, fcntl(pc->err_fd, F_GETFL) | O_NONBLOCK);
	track(pid);
	return true;
}

/* write() that turns a dead reader into EPIPE instead of killing us. */
static ssize_t write_no_sigpipe(int fd, const char *buf, size_t n)
{
	sigset_t pipe_set, old, pending;
	sigemptyset(&pipe_set);
	sigaddset(&pipe_set, SIGPIPE);
	sigprocmask(SIG_BLOCK, &pipe_set, &old);
	sigpending(&pending);
	bool was_pending = sigismember(&pending, SIGPIPE);
	ssize_t r = write(fd, buf, n);
	int saved = errno;
	if (r < 0 && saved == EPIPE && !was_pending) {
		struct timespec zero = { 0, 0 };
		sigtimedwait(&pipe_set, NULL, &zero);
	}
	sigprocmask(SIG_SETMASK, &old, NULL);
	errno = saved;
	return r;
}

bool probe_client_send(struct probe_client *pc, const char *line, char *err, size_t errlen)
{
	if (pc->in_fd < 0) {
		snprintf(err, errlen, "%s: the probe is not running", pc->python);
		return false;
	}
	char msg[PROBE_LINE_MAX];
	int n = snprintf(msg, sizeof msg, "%s\n", line);
	if (n < 0 || (size_t)n >= sizeof msg) {
		snprintf(err, errlen, "request too long");
		return false;
	}
	size_t done = 0;
	while (done < (size_t)n) {
		ssize_t w = write_no_sigpipe(pc->in_fd, msg + done, (size_t)n - done);
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0) {
			snprintf(err, errlen, "%s stopped reading requests (%s)", pc->python, strerror(errno));
			return false;
		}
		done += (size_t)w;
	}
	return true;
}

/* Keeps the first and the last line of the child's stderr for error
 * messages (leading blanks dropped: a continuation line says little). */
static void drain_stderr(struct probe_client *pc)
{
	char chunk[512];
	ssize_t r = -1;
	while (pc->err_fd >= 0 && (r = read(pc->err_fd, chunk, sizeof chunk)) != 0) {
		if (r < 0)
			break;
		for (ssize_t i = 0; i < r; i++) {
			char c = chunk[i];
			if (c == '\n') {
				if (pc->err_len) {
					pc->err_tail[pc->err_len] = '\0';
					if (!pc->err_first[0])
						memcpy(pc->err_first, pc->err_tail, pc->err_len + 1);
				}
				pc->err_len = 0;
				continue;
			}
			if (pc->err_len == 0 && (c == ' ' || c == '\t'))
				continue;
			if (pc->err_len == 0)
				pc->err_tail[0] = '\0';
			if (pc->err_len + 1 < sizeof pc->err_tail && (unsigned char)c >= 0x20)
				pc->err_tail[pc->err_len++] = c;
		}
	}
	if (pc->err_len) {
		pc->err_tail[pc->err_len] = '\0';
		if (!pc->err_first[0])
			memcpy(pc->err_first, pc->err_tail, pc->err_len + 1);
	}
	/* at its end stderr would poll readable for ever: a busy wait */
	if (pc->err_fd >= 0 && r == 0) {
		close(pc->err_fd);
		pc->err_fd = -1;
	}
}

/* True once the child has exited (not reaped: a stop reaps it and says
 * how). A grandchild may still hold the output open, so its end is not
 * always an end of file. */
static bool child_exited(const struct probe_client *pc)
{
	if (pc->pid <= 0)
		return false;
	siginfo_t info;
	memset(&info, 0, sizeof info);
	int r = waitid(P_PID, (id_t)pc->pid, &info, WEXITED | WNOHANG | WNOWAIT);
	return (r == 0 && info.si_pid == pc->pid) || (r < 0 && errno == ECHILD);
}

/* Reads whatever the output holds now, without waiting. */
static void read_available(struct probe_client *pc)
{
	while (pc->out_fd >= 0 && !pc->eof && pc->len < sizeof pc->buf) {
		ssize_t got = read(pc->out_fd, pc->buf + pc->len, sizeof pc->buf - pc->len);
		if (got > 0)
			pc->len += (size_t)got;
		else if (got < 0 && errno == EINTR)
			continue;
		else {
			if (got == 0 || errno != EAGAIN)
				pc->eof = true;
			break;
		}
	}
}

/* Takes a complete line out of the buffer, if there is one. */
static bool take_line(struct probe_client *pc, char *line, size_t n)
{
	char *nl = memchr(pc->buf, '\n', pc->len);
	if (!nl)
		return false;
	size_t len = (size_t)(nl - pc->buf);
	size_t copy = len < n - 1 ? len : n - 1;
	memcpy(line, pc->buf, copy);
	line[copy] = '\0';
	memmove(pc->buf, nl + 1, pc->len - len - 1);
	pc->len -= len + 1;
	return true;
}

enum probe_read probe_client_read_line(struct probe_client *pc, char *line, size_t n,
                                       int timeout_ms)
{
	long deadline = timeout_ms < 0 ? -1 : now_ms() + timeout_ms;
	bool polled = false;   /* a zero timeout still looks once */
	for (;;) {
		if (take_line(pc, line, n))
			return PROBE_READ_LINE;
		if (pc->len == sizeof pc->buf) {
			pc->len = 0; /* drop it: no reply is that long */
			return PROBE_READ_TOO_LONG;
		}
		if (pc->eof || pc->out_fd < 0)
			return PROBE_READ_EOF;
		int wait = -1;
		if (deadline >= 0) {
			long left = deadline - now_ms();
			if (left <= 0 && polled)
				return PROBE_READ_TIMEOUT;
			wait = left > 0 ? (int)left : 0;
		}
		/* look at the child every 50 ms: one that exited while a grandchild
		 * holds its output open has ended all the same */
		if (pc->pid > 0 && (wait < 0 || wait > 50))
			wait = 50;
		struct pollfd fds[2] = { { pc->out_fd, POLLIN, 0 }, { pc->err_fd, POLLIN, 0 } };
		int r = poll(fds, pc->err_fd >= 0 ? 2 : 1, wait);
		polled = true;
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			return PROBE_READ_EOF;
		if (r == 0 && child_exited(pc)) {
			/* what it wrote before it went is still an answer */
			read_available(pc);
			drain_stderr(pc);
			if (take_line(pc, line, n))
				return PROBE_READ_LINE;
			pc->eof = true;
			return PROBE_READ_EOF;
		}
		if (fds[1].revents)
			drain_stderr(pc);
		if (fds[0].revents) {
			ssize_t got = read(pc->out_fd, pc->buf + pc->len, sizeof pc->buf - pc->len);
			if (got > 0)
				pc->len += (size_t)got;
			else if (got == 0 || (errno != EAGAIN && errno != EINTR))
				pc->eof = true;
		}
	}
}

int probe_client_fd(const struct probe_client *pc)
{
	return pc->out_fd;
}

static void describe_status(int status, char *how, size_t n)
{
	if (WIFEXITED(status))
		snprintf(how, n, "exited with status %d", WEXITSTATUS(status));
	else if (WIFSIGNALED(status))
		snprintf(how, n, "was killed by signal %d (%s)", WTERMSIG(status),
		         strsignal(WTERMSIG(status)));
	else
		snprintf(how, n, "ended");
}

/* Waits up to ms for the child to exit, then kills what is left of its
 * process group (while the zombie still holds the group id, so it cannot
 * have been reused) and reaps it. True once reaped. */
static bool reap_within(pid_t pid, int ms, int *status)
{
	long deadline = now_ms() + ms;
	for (;;) {
		siginfo_t info;
		memset(&info, 0, sizeof info);
		int r = waitid(P_PID, (id_t)pid, &info, WEXITED | WNOHANG | WNOWAIT);
		if (r < 0 && errno == ECHILD)
			return true;
		if (r == 0 && info.si_pid == pid) {
			kill(-pid, SIGKILL);
			waitpid(pid, status, 0);
			return true;
		}
		if (now_ms() >= deadline)
			return false;
		struct timespec pause = { 0, 5 * 1000000L };
		nanosleep(&pause, NULL);
	}
}

/* Closes what is left once the child is reaped. */
/* Once the child is gone, whoever still holds the write end of its stdout
 * or stderr pipe is a descendant that left its process group (setsid):
 * nothing else was given that end. Linux names each open pipe
 * "pipe:[INODE]" in /proc/PID/fd, so those holders can be found and
 * stopped; elsewhere they are left to end on their own. */
static void kill_pipe_holders(int fd)
{
#ifdef __linux__
	struct pollfd p = { fd, POLLIN, 0 };
	struct stat st;
	if (fd < 0 || poll(&p, 1, 0) < 0 || (p.revents & POLLHUP) || fstat(fd, &st) != 0)
		return;   /* no writer left: nobody to stop */
	char want[48];
	snprintf(want, sizeof want, "pipe:[%llu]", (unsigned long long)st.st_ino);
	DIR *proc = opendir("/proc");
	if (!proc)
		return;
	pid_t self = getpid();
	struct dirent *e;
	while ((e = readdir(proc)) != NULL) {
		char *end;
		long pid = strtol(e->d_name, &end, 10);
		if (*end || pid <= 0 || pid == (long)self)
			continue;
		char dir[64];
		snprintf(dir, sizeof dir, "/proc/%ld/fd", pid);
		DIR *fds = opendir(dir);
		if (!fds)
			continue;   /* gone, or not ours to read */
		struct dirent *f;
		bool holds = false;
		while (!holds && (f = readdir(fds)) != NULL) {
			char link[320], target[64];
			snprintf(link, sizeof link, "%s/%s", dir, f->d_name);
			ssize_t n = readlink(link, target, sizeof target - 1);
			if (n > 0) {
				target[n] = '\0';
				holds = strcmp(target, want) == 0;
			}
		}
		closedir(fds);
		if (holds)
			kill((pid_t)pid, SIGKILL);
	}
	closedir(proc);
#else
	(void)fd;
#endif
}

static void release_fds(struct probe_client *pc)
{
	if (pc->pid <= 0) {   /* only once the child itself is reaped */
		kill_pipe_holders(pc->out_fd);
		kill_pipe_holders(pc->err_fd);
	}
	drain_stderr(pc);
	if (pc->out_fd >= 0)
		close(pc->out_fd);
	if (pc->err_fd >= 0)
		close(pc->err_fd);
	pc->out_fd = pc->err_fd = -1;
}

void probe_client_close_input(struct probe_client *pc)
{
	if (pc->in_fd >= 0)
		close(pc->in_fd);
	pc->in_fd = -1;
}

void probe_client_kill(struct probe_client *pc, char *how, size_t n)
{
	if (how && n)
		how[0] = '\0';
	probe_client_close_input(pc);
	if (pc->pid > 0) {
		int status = 0;
		kill(-pc->pid, SIGKILL);
		kill(pc->pid, SIGKILL);
		while (waitpid(pc->pid, &status, 0) < 0 && errno == EINTR)
			;
		if (how && n)
			describe_status(status, how, n);
		untrack(pc->pid);
		pc->pid = 0;
	}
	release_fds(pc);
}

bool probe_client_try_reap(struct probe_client *pc, char *how, size_t n)
{
	if (how && n)
		how[0] = '\0';
	if (pc->pid > 0) {
		int status = 0;
		if (!reap_within(pc->pid, 0, &status))
			return false;
		if (how && n)
			describe_status(status, how, n);
		untrack(pc->pid);
		pc->pid = 0;
	}
	probe_client_close_input(pc);
	release_fds(pc);
	return true;
}

void probe_client_stop(struct probe_client *pc, int grace_ms, char *how, size_t n)
{
	if (how && n)
		how[0] = '\0';
	if (pc->in_fd >= 0)
		close(pc->in_fd);
	pc->in_fd = -1;
	if (pc->pid > 0) {
		int status = 0;
		bool gone = reap_within(pc->pid, grace_ms, &status);
		if (!gone) {
			kill(-pc->pid, SIGTERM);
			gone = reap_within(pc->pid, 200, &status);
		}
		if (!gone) {
			kill(-pc->pid, SIGKILL);
			kill(pc->pid, SIGKILL);
			waitpid(pc->pid, &status, 0);
		}
		if (how && n)
			describe_status(status, how, n);
		untrack(pc->pid);
		pc->pid = 0;
	}
	release_fds(pc);
}
