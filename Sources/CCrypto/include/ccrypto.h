#ifndef RDR_CCRYPTO_H
#define RDR_CCRYPTO_H

#include <stddef.h>

/* SHA-256 by OpenSSL's libcrypto (there with libcurl), loaded with dlopen at the first call: it
   uses the CPU's SHA instructions and hashes the store's files about ten times faster than rdr's
   own Swift code. Writes 32 bytes to `digest` and returns 1; returns 0, writing nothing, when
   libcrypto cannot be loaded or fails, and the caller hashes by itself. */
int rdr_sha256(const unsigned char *data, size_t count, unsigned char *digest);

#endif
