/*
 * The compiled zoneinfo reader behind cs_tz (datetime.h): parses a TZif file
 * (RFC 8536, versions 1 to 4) and the POSIX TZ string of its footer, and
 * answers "what offset is in force at this instant".  Private to libcs:
 * programs use datetime.h.
 */
#ifndef CS_TZFILE_H
#define CS_TZFILE_H

#include <stddef.h>
#include <stdint.h>

/* Instants further than this from the epoch (about 285 million years) are
 * treated as this far by the zone code, so its arithmetic cannot overflow. */
#define CS_TZ_LIMIT ((int64_t)1 << 53)

/* The footer's rule is expanded into transitions up to this year at load. */
#define CS_TZ_EXTEND_YEAR 2200

/* One rule of a POSIX TZ string: the day DST starts or ends, and the local
 * time of day (seconds, may be negative or past 24 h) it happens at. */
struct cs_tzrule {
	char kind; /* 'M' (Mm.w.d), 'J' (Jn, no Feb 29) or 'n' (zero-based day) */
	int m, w, d; /* for 'M'; d is 0 (Sunday) .. 6; for 'J' and 'n' the day is in d */
	int32_t time;
};

/* A POSIX TZ string such as "CET-1CEST,M3.5.0,M10.5.0/3".  Offsets are
 * stored east of UTC, the opposite sign to the string's. */
struct cs_tzposix {
	int32_t std_off, dst_off;
	int has_dst;
	struct cs_tzrule start, end;
};

/* The zone's data.  trans is sorted; type[i] is the index into off of the
 * offset in force from trans[i] on; off[0] is in force before trans[0].
 * Past the file's transitions come those its footer makes up to
 * CS_TZ_EXTEND_YEAR; after the last of all, the footer decides. */
struct cs_tzdata {
	int64_t *trans;
	uint8_t *type;
	int32_t *off;
	size_t ntrans, ntypes;
	int has_footer;
	struct cs_tzposix footer;
};

/* Parses len bytes of a TZif file into d (arrays from xalloc.h, released by
 * cs_tzdata_release).  Returns 0, or -1 when the bytes are not valid TZif. */
int cs_tzdata_parse(struct cs_tzdata *d, const unsigned char *buf, size_t len);
void cs_tzdata_release(struct cs_tzdata *d);

/* Parses a POSIX TZ string (s, len bytes).  Returns 0 or -1. */
int cs_tzposix_parse(struct cs_tzposix *p, const char *s, size_t len);

/* The number of transitions at or before utc (0 .. ntrans). */
size_t cs_tzdata_find(const struct cs_tzdata *d, int64_t utc);

/* The offset east of UTC in force at utc. */
int32_t cs_tzdata_offset(const struct cs_tzdata *d, int64_t utc);
int32_t cs_tzposix_offset(const struct cs_tzposix *p, int64_t utc);

#endif
