#include "csqlite.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>

/* SQLite's headers are not needed (nor installed): its handles are opaque, and the flags are the
   values SQLite documents. */
enum { SQLITE_OPEN_READWRITE = 0x02, SQLITE_OPEN_CREATE = 0x04, SQLITE_OPEN_NOMUTEX = 0x8000 };
/* SQLITE_TRANSIENT: SQLite copies a bound text before the call returns. */
#define SQLITE_TRANSIENT ((void (*)(void *))-1)

static struct {
    int (*open_v2)(const char *, csqlite_db **, int, const char *);
    int (*close_v2)(csqlite_db *);
    int (*exec)(csqlite_db *, const char *, void *, void *, char **);
    int (*busy_timeout)(csqlite_db *, int);
    const char *(*errmsg)(csqlite_db *);
    int (*prepare_v2)(csqlite_db *, const char *, int, csqlite_stmt **, const char **);
    int (*bind_int64)(csqlite_stmt *, int, long long);
    int (*bind_null)(csqlite_stmt *, int);
    int (*bind_text)(csqlite_stmt *, int, const char *, int, void (*)(void *));
    int (*step)(csqlite_stmt *);
    int (*reset)(csqlite_stmt *);
    int (*finalize)(csqlite_stmt *);
    int (*column_type)(csqlite_stmt *, int);
    long long (*column_int64)(csqlite_stmt *, int);
    const unsigned char *(*column_text)(csqlite_stmt *, int);
    int (*column_bytes)(csqlite_stmt *, int);
} sqlite;

static pthread_once_t load_once = PTHREAD_ONCE_INIT;
/* Empty once libsqlite3 is loaded; otherwise why it is not. */
static char load_problem[256];

static void load(void) {
    void *library = dlopen("libsqlite3.so.0", RTLD_NOW | RTLD_LOCAL);
    if (!library) library = dlopen("libsqlite3.so", RTLD_NOW | RTLD_LOCAL);
    if (!library) {
        snprintf(load_problem, sizeof load_problem, "libsqlite3 is not installed: apt-get install libsqlite3-0");
        return;
    }
    struct {
        void **slot;
        const char *name;
    } symbols[] = {
        {(void **)&sqlite.open_v2, "sqlite3_open_v2"},
        {(void **)&sqlite.close_v2, "sqlite3_close_v2"},
        {(void **)&sqlite.exec, "sqlite3_exec"},
        {(void **)&sqlite.busy_timeout, "sqlite3_busy_timeout"},
        {(void **)&sqlite.errmsg, "sqlite3_errmsg"},
        {(void **)&sqlite.prepare_v2, "sqlite3_prepare_v2"},
        {(void **)&sqlite.bind_int64, "sqlite3_bind_int64"},
        {(void **)&sqlite.bind_null, "sqlite3_bind_null"},
        {(void **)&sqlite.bind_text, "sqlite3_bind_text"},
        {(void **)&sqlite.step, "sqlite3_step"},
        {(void **)&sqlite.reset, "sqlite3_reset"},
        {(void **)&sqlite.finalize, "sqlite3_finalize"},
        {(void **)&sqlite.column_type, "sqlite3_column_type"},
        {(void **)&sqlite.column_int64, "sqlite3_column_int64"},
        {(void **)&sqlite.column_text, "sqlite3_column_text"},
        {(void **)&sqlite.column_bytes, "sqlite3_column_bytes"},
    };
    for (size_t i = 0; i < sizeof symbols / sizeof symbols[0]; i++) {
        *symbols[i].slot = dlsym(library, symbols[i].name);
        if (!*symbols[i].slot) {
            snprintf(load_problem, sizeof load_problem, "the installed libsqlite3 lacks %s", symbols[i].name);
            return;
        }
    }
}

int csqlite_load(char *error, size_t error_size) {
    pthread_once(&load_once, load);
    if (!load_problem[0]) return 1;
    if (error && error_size) snprintf(error, error_size, "%s", load_problem);
    return 0;
}

int csqlite_open(const char *path, csqlite_db **db) {
    *db = NULL;
    return sqlite.open_v2(path, db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
}

int csqlite_close(csqlite_db *db) { return sqlite.close_v2(db); }
int csqlite_exec(csqlite_db *db, const char *sql) { return sqlite.exec(db, sql, NULL, NULL, NULL); }
int csqlite_busy_timeout(csqlite_db *db, int milliseconds) { return sqlite.busy_timeout(db, milliseconds); }
const char *csqlite_errmsg(csqlite_db *db) { return sqlite.errmsg(db); }

int csqlite_prepare(csqlite_db *db, const char *sql, csqlite_stmt **statement) {
    return sqlite.prepare_v2(db, sql, -1, statement, NULL);
}

int csqlite_bind_int64(csqlite_stmt *statement, int index, long long value) {
    return sqlite.bind_int64(statement, index, value);
}
int csqlite_bind_null(csqlite_stmt *statement, int index) { return sqlite.bind_null(statement, index); }
int csqlite_bind_text(csqlite_stmt *statement, int index, const char *text) {
    return sqlite.bind_text(statement, index, text, -1, SQLITE_TRANSIENT);
}
int csqlite_step(csqlite_stmt *statement) { return sqlite.step(statement); }
int csqlite_reset(csqlite_stmt *statement) { return sqlite.reset(statement); }
int csqlite_finalize(csqlite_stmt *statement) { return sqlite.finalize(statement); }
int csqlite_column_type(csqlite_stmt *statement, int column) { return sqlite.column_type(statement, column); }
long long csqlite_column_int64(csqlite_stmt *statement, int column) { return sqlite.column_int64(statement, column); }
const unsigned char *csqlite_column_text(csqlite_stmt *statement, int column) {
    return sqlite.column_text(statement, column);
}
int csqlite_column_bytes(csqlite_stmt *statement, int column) { return sqlite.column_bytes(statement, column); }
