/*
 * Exam day load generator: N candidates at once, each on its own keep-alive connection.
 *
 * Each candidate: GET /inscription (visitor cookie + CSRF token), POST /api/v1/exams/EXAM/attempts,
 * then ROUNDS passes over every item of the attempt, each a PUT .../items/P/answer with
 * {"flagged": …, "seq": round+1, "timeSpentMs": …}, then POST .../submit. Every answer is checked:
 * 201 for the start, 200 + "saved" for a save, 200 for the submit; anything else is an error and ends
 * that candidate. One thread with epoll; prints its own CPU time so it can be shown not to be the
 * bottleneck.
 *
 * THINK_MS (default 0) is the mean time a candidate takes between two answers, drawn uniformly from
 * half to one and a half times it: everyone starts at once, then answers at their own pace. With 0,
 * each answer follows the previous acknowledgement at once: a queue of every candidate, a stress test.
 *
 * Build: cc -O2 -o examday bench/examday.c
 * Usage: examday HOST PORT CANDIDATES [EXAM_ID] [ROUNDS] [THINK_MS]
 * Output: one "EXAMDAY key=value …" line (times in ms); save_after_starts_p99_ms is the p99 of the saves sent
 * once every candidate had started, the exam without its start burst. With EXAMDAY_WINDOWS set, the saves'
 * p50, p99 and max per 2 s window (by when each was sent) go to stderr: where the slow ones are.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

enum step { INSCRIPTION, START, SAVE, SUBMIT, DONE, FAILED };

struct candidate {
    int fd;
    enum step step;
    char cookie[64], csrf[64], token[64];
    int items, round, position;
    char out[1024];
    size_t out_len, out_sent;
    char *in;
    size_t in_len, in_cap;
    double sent_at;
    struct candidate *next_waiting; /* in its timer bucket while thinking */
};

/* Candidates thinking, by the millisecond they answer again, on a wheel of WHEEL ms. */
#define WHEEL 16384
static struct candidate *wheel[WHEEL];
static long long wheel_done_ms; /* every bucket up to this ms was handled */
static int waiting;
static int think_ms;

static const char *host;
static int port, rounds = 4;
static const char *exam = "ifsi-echantillon";
static double *save_ms, *save_at, *start_ms, *submit_ms;
static double began_ms, last_start_ms; /* since began_ms: when the last start was acknowledged */
static size_t saves, starts, submits, errors, requests;

static void compose(struct candidate *c);
static void flush_out(struct candidate *c);

static double now_ms(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static int compare(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double percentile(double *values, size_t count, double p) {
    if (count == 0) return 0;
    qsort(values, count, sizeof *values, compare);
    size_t index = (size_t)(p * (count - 1) + 0.5);
    return values[index];
}

/* Copies into `out` the text after `prefix` up to one of the `stops` characters; 0 when absent. */
static int extract(const char *text, const char *prefix, const char *stops, char *out, size_t size) {
    const char *start = strstr(text, prefix);
    if (!start) return 0;
    start += strlen(prefix);
    size_t length = strcspn(start, stops);
    if (length == 0 || length >= size) return 0;
    memcpy(out, start, length);
    out[length] = 0;
    return 1;
}

static void fail(struct candidate *c, const char *why, int status) {
    errors++;
    if (errors <= 5) {
        fprintf(stderr, "examday: step %d failed: %s (status %d): %.200s\n", c->step, why, status,
                c->in ? c->in : "");
    }
    c->step = FAILED;
    close(c->fd);
}

/* Prepares the request of the candidate's current step. */
static void compose(struct candidate *c) {
    char body[128] = "";
    char path[256];
    const char *method = "GET";
    if (c->step == INSCRIPTION) {
        snprintf(path, sizeof path, "/inscription");
    } else if (c->step == START) {
        method = "POST";
        snprintf(path, sizeof path, "/api/v1/exams/%s/attempts", exam);
    } else if (c->step == SAVE) {
        method = "PUT";
        snprintf(path, sizeof path, "/api/v1/attempts/%s/items/%d/answer", c->token, c->position);
        snprintf(body, sizeof body, "{\"flagged\": %s, \"seq\": %d, \"timeSpentMs\": %d}",
                 c->round % 2 ? "false" : "true", c->round + 1, 1000 * (c->round + 1));
    } else {
        method = "POST";
        snprintf(path, sizeof path, "/api/v1/attempts/%s/submit", c->token);
    }
    int n = snprintf(c->out, sizeof c->out, "%s %s HTTP/1.1\r\nHost: %s:%d\r\n", method, path, host, port);
    if (c->step != INSCRIPTION) {
        n += snprintf(c->out + n, sizeof c->out - n,
                      "Cookie: lesocial_visiteur=%s\r\nX-CSRF-Token: %s\r\nContent-Type: application/json\r\n",
                      c->cookie, c->csrf);
    }
    n += snprintf(c->out + n, sizeof c->out - n, "Content-Length: %zu\r\n\r\n%s", strlen(body), body);
    c->out_len = n;
    c->out_sent = 0;
    c->in_len = 0;
    c->sent_at = now_ms();
    requests++;
}

static void flush_out(struct candidate *c) {
    while (c->out_sent < c->out_len) {
        ssize_t n = send(c->fd, c->out + c->out_sent, c->out_len - c->out_sent, MSG_NOSIGNAL);
        if (n < 0) {
            if (errno == EAGAIN || errno == ENOTCONN) return;
            fail(c, strerror(errno), 0);
            return;
        }
        c->out_sent += n;
    }
}

/* Handles one complete response; moves the candidate to its next step. */
static void handle(struct candidate *c, int status, const char *headers, const char *body) {
    double elapsed = now_ms() - c->sent_at;
    switch (c->step) {
    case INSCRIPTION:
        if (status != 200 || !extract(headers, "lesocial_visiteur=", ";\r", c->cookie, sizeof c->cookie) ||
            !extract(body, "name=\"csrf\" value=\"", "\"", c->csrf, sizeof c->csrf)) {
            fail(c, "no visitor cookie or csrf", status);
            return;
        }
        c->step = START;
        break;
    case START: {
        if (status != 201 || !extract(body, "\"token\":\"", "\"", c->token, sizeof c->token)) {
            fail(c, "start refused", status);
            return;
        }
        start_ms[starts++] = elapsed;
        last_start_ms = now_ms() - began_ms;
        c->items = 0;
        for (const char *p = body; (p = strstr(p, "\"position\":")); p++) c->items++;
        c->step = SAVE;
        c->round = 0;
        c->position = 0;
        break;
    }
    case SAVE:
        if (status != 200 || !strstr(body, "\"saved\"")) {
            fail(c, "save not acknowledged as saved", status);
            return;
        }
        save_at[saves] = c->sent_at - began_ms;
        save_ms[saves++] = elapsed;
        if (++c->position == c->items) {
            c->position = 0;
            if (++c->round == rounds) c->step = SUBMIT;
        }
        if (think_ms > 0) {
            long long at = (long long)now_ms() + think_ms / 2 + rand() % (think_ms + 1);
            if (at <= wheel_done_ms) at = wheel_done_ms + 1;
            c->next_waiting = wheel[at % WHEEL];
            wheel[at % WHEEL] = c;
            waiting++;
            return;
        }
        break;
    case SUBMIT:
        if (status != 200) {
            fail(c, "submit refused", status);
            return;
        }
        submit_ms[submits++] = elapsed;
        c->step = DONE;
        close(c->fd);
        return;
    default:
        return;
    }
    compose(c);
    flush_out(c);
}

/* Reads what arrived; handles the response once its headers and Content-Length body are in. */
static void receive(struct candidate *c) {
    for (;;) {
        if (c->in_cap - c->in_len < 16384) {
            c->in_cap = c->in_cap * 2 + 65536;
            c->in = realloc(c->in, c->in_cap);
        }
        ssize_t n = recv(c->fd, c->in + c->in_len, c->in_cap - c->in_len - 1, 0);
        if (n < 0 && errno == EAGAIN) return;
        if (n <= 0) {
            fail(c, n == 0 ? "connection closed" : strerror(errno), 0);
            return;
        }
        c->in_len += n;
        c->in[c->in_len] = 0;
        char *end = strstr(c->in, "\r\n\r\n");
        if (!end) continue;
        char length[24];
        if (!extract(c->in, "\r\nContent-Length: ", "\r", length, sizeof length) &&
            !extract(c->in, "\r\ncontent-length: ", "\r", length, sizeof length)) {
            fail(c, "response without Content-Length", 0);
            return;
        }
        size_t total = (end + 4 - c->in) + strtoul(length, NULL, 10);
        if (c->in_len < total) continue;
        int status = atoi(c->in + 9);
        *end = 0;
        handle(c, status, c->in, end + 4);
        return;
    }
}

int main(int argc, char **argv) {
    if (argc < 4) {
        fprintf(stderr, "usage: examday HOST PORT CANDIDATES [EXAM_ID] [ROUNDS]\n");
        return 2;
    }
    host = argv[1];
    port = atoi(argv[2]);
    int count = atoi(argv[3]);
    if (argc > 4) exam = argv[4];
    if (argc > 5) rounds = atoi(argv[5]);
    if (argc > 6) think_ms = atoi(argv[6]);
    if (think_ms < 0 || think_ms > WHEEL / 2) {
        fprintf(stderr, "examday: THINK_MS must be between 0 and %d\n", WHEEL / 2);
        return 2;
    }
    srand(42);
    size_t most = (size_t)count * rounds * 64;
    save_ms = malloc(most * sizeof *save_ms);
    save_at = malloc(most * sizeof *save_at);
    start_ms = malloc(count * sizeof *start_ms);
    submit_ms = malloc(count * sizeof *submit_ms);
    struct candidate *candidates = calloc(count, sizeof *candidates);
    int epoll = epoll_create1(0);
    if (!save_ms || !start_ms || !submit_ms || !candidates || epoll < 0) {
        perror("examday: setup");
        return 1;
    }

    struct sockaddr_in address = {.sin_family = AF_INET, .sin_port = htons(port)};
    if (inet_pton(AF_INET, host, &address.sin_addr) != 1) {
        fprintf(stderr, "examday: host must be an IPv4 address\n");
        return 2;
    }
    double began = now_ms();
    began_ms = began;
    wheel_done_ms = (long long)began;
    for (int i = 0; i < count; i++) {
        struct candidate *c = &candidates[i];
        c->fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
        int one = 1;
        if (c->fd < 0 || setsockopt(c->fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one) != 0) {
            perror("examday: socket");
            return 1;
        }
        if (connect(c->fd, (struct sockaddr *)&address, sizeof address) != 0 && errno != EINPROGRESS) {
            perror("examday: connect");
            return 1;
        }
        struct epoll_event event = {.events = EPOLLIN | EPOLLOUT | EPOLLET, .data.ptr = c};
        if (epoll_ctl(epoll, EPOLL_CTL_ADD, c->fd, &event) != 0) {
            perror("examday: epoll_ctl");
            return 1;
        }
        c->step = INSCRIPTION;
        compose(c);
    }

    int active = count;
    struct epoll_event events[256];
    while (active > 0) {
        int timeout = waiting > 0 ? 1 : 60000;
        int n = epoll_wait(epoll, events, 256, timeout);
        /* Candidates whose thinking is over send their next request. */
        for (long long ms = (long long)now_ms(); wheel_done_ms < ms;) {
            wheel_done_ms++;
            struct candidate *c = wheel[wheel_done_ms % WHEEL];
            wheel[wheel_done_ms % WHEEL] = NULL;
            while (c) {
                struct candidate *next = c->next_waiting;
                waiting--;
                compose(c);
                flush_out(c);
                if (c->step == FAILED) active--;
                c = next;
            }
        }
        /* A short wait that timed out is a tick of the wheel, even when it just emptied the wheel. */
        if ((n == 0 && timeout == 1) || (n < 0 && errno == EINTR)) continue;
        if (n <= 0) {
            fprintf(stderr, "examday: no progress for 60 s, %d candidates unfinished\n", active);
            for (int i = 0; i < count; i++) {
                struct candidate *c = &candidates[i];
                if (c->step != DONE && c->step != FAILED) {
                    fprintf(stderr, "examday: candidate %d stuck at step %d (round %d, item %d), %zu bytes in, "
                            "%zu of %zu bytes out\n", i, c->step, c->round, c->position, c->in_len, c->out_sent,
                            c->out_len);
                }
            }
            errors += active;
            break;
        }
        for (int i = 0; i < n; i++) {
            struct candidate *c = events[i].data.ptr;
            if (c->step == DONE || c->step == FAILED) continue;
            if (events[i].events & (EPOLLERR | EPOLLHUP) && !(events[i].events & EPOLLIN)) {
                fail(c, "socket error", 0);
            } else {
                if (events[i].events & EPOLLOUT) flush_out(c);
                if (c->step != FAILED && events[i].events & EPOLLIN) receive(c);
            }
            if (c->step == DONE || c->step == FAILED) active--;
        }
    }
    double total = (now_ms() - began) / 1000;
    /* Where the slow saves are: per window of 2 s (by when the save was sent), its saves, p99 and max,
       to stderr. Copied out before the percentiles below sort save_ms. */
    /* The saves sent once every candidate had started: the steady exam, without the start burst. */
    size_t settled = 0;
    double *after = malloc((saves ? saves : 1) * sizeof *after);
    for (size_t i = 0; i < saves; i++) {
        if (save_at[i] > last_start_ms) after[settled++] = save_ms[i];
    }
    double after_p99 = percentile(after, settled, 0.99);
    free(after);
    if (getenv("EXAMDAY_WINDOWS")) {
        int windows = (int)(total / 2) + 1;
        double *slice = malloc(saves * sizeof *slice);
        for (int w = 0; w < windows; w++) {
            size_t n = 0;
            for (size_t i = 0; i < saves; i++) {
                if ((int)(save_at[i] / 2000) == w) slice[n++] = save_ms[i];
            }
            if (n == 0) continue;
            fprintf(stderr, "EXAMDAY window %3d-%3d s: saves=%zu p50_ms=%.2f p99_ms=%.2f max_ms=%.2f\n", 2 * w,
                    2 * w + 2, n, percentile(slice, n, 0.5), percentile(slice, n, 0.99), percentile(slice, n, 1.0));
        }
        free(slice);
    }

    struct rusage usage;
    getrusage(RUSAGE_SELF, &usage);
    double cpu = usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 + usage.ru_stime.tv_sec +
                 usage.ru_stime.tv_usec / 1e6;
    size_t finished = submits;
    printf("EXAMDAY candidates=%d finished=%zu errors=%zu requests=%zu total_s=%.2f saves=%zu saves_per_s=%.0f "
           "save_p50_ms=%.2f save_p99_ms=%.2f save_max_ms=%.2f start_p99_ms=%.2f submit_p99_ms=%.2f "
           "starts_done_s=%.2f saves_after_starts=%zu save_after_starts_p99_ms=%.2f "
           "client_cpu_s=%.2f client_cpu_pct=%.1f think_ms=%d\n",
           count, finished, errors, requests, total, saves, saves / total, percentile(save_ms, saves, 0.5),
           percentile(save_ms, saves, 0.99), percentile(save_ms, saves, 1.0), percentile(start_ms, starts, 0.99),
           percentile(submit_ms, submits, 0.99), last_start_ms / 1000, settled, after_p99, cpu, 100 * cpu / total, think_ms);
    return errors == 0 ? 0 : 1;
}
