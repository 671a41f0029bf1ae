/*
 * What-if probe, not a fix: runs an unchanged lesocial binary with `PRAGMA synchronous = NORMAL`
 * instead of FULL, to measure what durability-per-commit costs (DESIGN.md, Storage: "FULL … unless a
 * measurement shows NORMAL is needed"). In WAL mode NORMAL survives a killed process but may lose
 * the last commits on a power loss.
 *
 * Build: cc -O2 -shared -fPIC -o /tmp/sync_normal.so bench/what-if/sync_normal.c -ldl
 * Use:   LD_PRELOAD=/tmp/sync_normal.so LESOCIAL_BIN=… bench/run.sh   (LD_PRELOAD reaches the server)
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <string.h>

typedef int (*exec_fn)(void *, const char *, int (*)(void *, int, char **, char **), void *, char **);

int sqlite3_exec(void *db, const char *sql, int (*callback)(void *, int, char **, char **), void *arg,
                 char **error) {
    static exec_fn real;
    if (!real) real = (exec_fn)dlsym(RTLD_NEXT, "sqlite3_exec");
    if (sql && strcmp(sql, "PRAGMA synchronous = FULL") == 0) sql = "PRAGMA synchronous = NORMAL";
    return real(db, sql, callback, arg, error);
}
