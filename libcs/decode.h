/*
 * The byte layer under the CSV reader: turns a file descriptor or a memory
 * block into a stream of UTF-8 chunks.  It inflates gzip input (several
 * concatenated members are one stream), strips a UTF-8 byte order mark,
 * recognises UTF-16LE and UTF-16BE by their byte order mark (or, without
 * one, by a first two characters of printable ASCII with zero bytes
 * between them), and converts
 * UTF-16 and the legacy encodings cp1252 and latin1 to UTF-8 with iconv.
 *
 * Everything streams through fixed buffers of CS_DECODE_CHUNK bytes, so
 * memory does not grow with the input.  A byte sequence that is not valid in
 * the source encoding is not an error here: it comes out as the byte 0xFF,
 * which is never valid UTF-8, so the reader reports the record holding it
 * ("invalid UTF-8 in field 2") and the rest of the input stays readable.
 */
#ifndef CS_DECODE_H
#define CS_DECODE_H

#include <stddef.h>
#include <sys/types.h>

#include "libcs/error.h"

#define CS_DECODE_CHUNK ((size_t)64 * 1024)

struct cs_decode;

/* Reads fd (closed by cs_decode_free when owns_fd).  gz forces inflation
 * (a path ending in ".gz"); input starting with the gzip magic is inflated
 * anyway.  encoding is NULL, "utf-8", "utf-16le", "utf-16be", "cp1252"
 * ("windows-1252") or "latin1" ("iso-8859-1"), in any case; a UTF-8 or
 * UTF-16 byte order mark overrides it.  name is used in messages.  Returns
 * NULL with err filled for an unsupported encoding. */
struct cs_decode *cs_decode_new_fd(
        int fd, int owns_fd, int gz, const char *encoding, const char *name, struct cs_error *err);

/* The same over a memory block, which is copied. */
struct cs_decode *cs_decode_new_mem(
        const void *data, size_t len, const char *encoding, const char *name, struct cs_error *err);

/* Returns the number of UTF-8 bytes (at most CS_DECODE_CHUNK) now at *out,
 * borrowed until the next call; 0 at the end of the input; -1 on an I/O
 * error or corrupt gzip data, with err filled (line 0). */
ssize_t cs_decode_read(struct cs_decode *d, const char **out, struct cs_error *err);

/* The encoding in use once the first chunk was read: "utf-8", "utf-16le",
 * "utf-16be", "cp1252" or "latin1". */
const char *cs_decode_encoding(const struct cs_decode *d);

/* Input bytes read so far, before inflation and conversion. */
unsigned long long cs_decode_bytes(const struct cs_decode *d);

void cs_decode_free(struct cs_decode *d);

#endif
