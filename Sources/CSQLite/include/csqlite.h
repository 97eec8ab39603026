#ifndef CSQLITE_H
#define CSQLITE_H

#include <stddef.h>

/* The few functions of SQLite that the local store's figures.sqlite needs. libsqlite3 is loaded
   with dlopen at the first use instead of being linked, like libcurl and libcrypto: rdr starts
   as fast without it, and Debian's runtime package (libsqlite3-0) is enough, no -dev package. */

typedef struct csqlite_db csqlite_db;
typedef struct csqlite_stmt csqlite_stmt;

/* SQLite's result codes and the column type used here (the values SQLite documents and keeps). */
#define CSQLITE_OK 0
#define CSQLITE_ERROR 1
#define CSQLITE_BUSY 5
#define CSQLITE_CORRUPT 11
#define CSQLITE_NOTADB 26
#define CSQLITE_ROW 100
#define CSQLITE_DONE 101
#define CSQLITE_NULL_TYPE 5

/* Loads libsqlite3 once (thread-safe). 1 when it is there; else 0 and, in `error`, why not. */
int csqlite_load(char *error, size_t error_size);

/* Opens (creating) a database file for reading and writing. On failure *db may still be set and
   must be closed. Only after csqlite_load returned 1. */
int csqlite_open(const char *path, csqlite_db **db);
int csqlite_close(csqlite_db *db);
/* Runs SQL without parameters (schema, BEGIN, COMMIT). */
int csqlite_exec(csqlite_db *db, const char *sql);
int csqlite_busy_timeout(csqlite_db *db, int milliseconds);
const char *csqlite_errmsg(csqlite_db *db);

int csqlite_prepare(csqlite_db *db, const char *sql, csqlite_stmt **statement);
/* Parameters are numbered from 1; text is copied by SQLite. */
int csqlite_bind_int64(csqlite_stmt *statement, int index, long long value);
int csqlite_bind_null(csqlite_stmt *statement, int index);
int csqlite_bind_text(csqlite_stmt *statement, int index, const char *text);
int csqlite_step(csqlite_stmt *statement);
int csqlite_reset(csqlite_stmt *statement);
int csqlite_finalize(csqlite_stmt *statement);
/* Columns are numbered from 0. */
int csqlite_column_type(csqlite_stmt *statement, int column);
long long csqlite_column_int64(csqlite_stmt *statement, int column);
/* UTF-8, valid until the next step; NULL for a NULL value. */
const unsigned char *csqlite_column_text(csqlite_stmt *statement, int column);
/* The length in bytes of that text (after csqlite_column_text). */
int csqlite_column_bytes(csqlite_stmt *statement, int column);

#endif
