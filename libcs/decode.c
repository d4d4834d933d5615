/*
 * The byte layer of decode.h.  Three stages, each with its own fixed
 * buffer: raw bytes from the descriptor or the memory block, then gzip
 * inflation when the input is compressed, then iconv when the input is not
 * UTF-8.  The first chunk after inflation decides the encoding (byte order
 * marks win over the caller's choice, since they cannot be mistaken).
 *
 * The raw and inflated buffers keep a few bytes of headroom in front of the
 * data, so that the tail of a character split between two chunks (iconv's
 * EINVAL) can be copied in front of the next chunk and converted whole.
 */
#include "libcs/decode.h"

#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include <zlib.h>

#include "libcs/xalloc.h"

#define HEAD 8 /* headroom for a carried partial character */

struct cs_decode {
	char *name;
	int fd, owns_fd;
	char *mem; /* the copied memory block, or NULL */
	size_t mem_len, mem_pos;
	unsigned long long raw_bytes;
	int raw_eof;
	char *raw; /* HEAD + CHUNK bytes */
	size_t raw_pending; /* first raw chunk, read to look for the magic */

	int gz, gz_forced, z_ready, z_member_end, z_done;
	z_stream z;
	char *zbuf; /* HEAD + CHUNK bytes */

	const char *want; /* the caller's encoding, canonical name */
	const char *enc; /* the encoding in use */
	int started, in_eof;
	iconv_t cd;
	int have_cd;
	size_t unit; /* bytes skipped past an invalid sequence */
	char *ubuf; /* CHUNK bytes of converted output */
	char *in; /* unconverted input not yet handed on */
	size_t in_left;
	char carry[HEAD];
	size_t ncarry;
};

/* Maps a user's encoding name onto our canonical name, or NULL. */
static const char *
canonical_encoding(const char *e)
{
	static const char *const names[][2] = {
	        {"utf-8", "utf-8"},
	        {"utf8", "utf-8"},
	        {"utf-16le", "utf-16le"},
	        {"utf-16be", "utf-16be"},
	        {"cp1252", "cp1252"},
	        {"windows-1252", "cp1252"},
	        {"latin1", "latin1"},
	        {"latin-1", "latin1"},
	        {"iso-8859-1", "latin1"},
	        {"iso8859-1", "latin1"},
	};
	size_t i;

	if (e == NULL || *e == '\0')
		return "utf-8";
	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcasecmp(e, names[i][0]) == 0)
			return names[i][1];
	return NULL;
}

static const char *
iconv_name(const char *canon)
{
	if (strcmp(canon, "utf-16le") == 0)
		return "UTF-16LE";
	if (strcmp(canon, "utf-16be") == 0)
		return "UTF-16BE";
	if (strcmp(canon, "cp1252") == 0)
		return "CP1252";
	if (strcmp(canon, "latin1") == 0)
		return "ISO-8859-1";
	return NULL;
}

static struct cs_decode *
decode_new(const char *encoding, const char *name, struct cs_error *err)
{
	struct cs_decode *d;
	const char *want = canonical_encoding(encoding);

	if (want == NULL) {
		cs_error_set(err, name, 0, "unsupported encoding '%s'", encoding);
		return NULL;
	}
	d = xcalloc(1, sizeof *d);
	d->name = xstrdup(name);
	d->fd = -1;
	d->want = want;
	d->enc = want;
	d->raw = xmalloc(HEAD + CS_DECODE_CHUNK);
	return d;
}

struct cs_decode *
cs_decode_new_fd(
        int fd, int owns_fd, int gz, const char *encoding, const char *name, struct cs_error *err)
{
	struct cs_decode *d = decode_new(encoding, name, err);

	if (d == NULL) {
		if (owns_fd)
			close(fd);
		return NULL;
	}
	d->fd = fd;
	d->owns_fd = owns_fd;
	d->gz_forced = gz;
	return d;
}

struct cs_decode *
cs_decode_new_mem(
        const void *data, size_t len, const char *encoding, const char *name, struct cs_error *err)
{
	struct cs_decode *d = decode_new(encoding, name, err);

	if (d == NULL)
		return NULL;
	d->mem = xmalloc(len ? len : 1);
	if (len)
		memcpy(d->mem, data, len);
	d->mem_len = len;
	return d;
}

/* Fills d->raw + HEAD with up to CHUNK bytes; a short count means the end. */
static ssize_t
raw_fill(struct cs_decode *d, struct cs_error *err)
{
	size_t got = 0;

	if (d->raw_eof)
		return 0;
	if (d->mem != NULL) {
		got = d->mem_len - d->mem_pos;
		if (got > CS_DECODE_CHUNK)
			got = CS_DECODE_CHUNK;
		memcpy(d->raw + HEAD, d->mem + d->mem_pos, got);
		d->mem_pos += got;
		if (got == 0)
			d->raw_eof = 1;
	} else {
		while (got < CS_DECODE_CHUNK) {
			ssize_t n = read(d->fd, d->raw + HEAD + got, CS_DECODE_CHUNK - got);

			if (n < 0 && errno == EINTR)
				continue;
			if (n < 0)
				return cs_error_set(
				        err, d->name, 0, "read error: %s", strerror(errno));
			if (n == 0) {
				d->raw_eof = 1;
				break;
			}
			got += (size_t)n;
		}
	}
	d->raw_bytes += got;
	return (ssize_t)got;
}

/* Inflates into d->zbuf + HEAD until it is full or the input ends. */
static ssize_t
gz_fill(struct cs_decode *d, struct cs_error *err)
{
	d->z.next_out = (unsigned char *)d->zbuf + HEAD;
	d->z.avail_out = (unsigned)CS_DECODE_CHUNK;
	while (d->z.avail_out > 0 && !d->z_done) {
		int ret;

		if (d->z.avail_in == 0) {
			ssize_t n = raw_fill(d, err);

			if (n < 0)
				return -1;
			if (n == 0) {
				if (!d->z_member_end)
					return cs_error_set(
					        err, d->name, 0, "truncated gzip input");
				d->z_done = 1;
				break;
			}
			d->z.next_in = (unsigned char *)d->raw + HEAD;
			d->z.avail_in = (unsigned)n;
		}
		if (d->z_member_end) {
			/* More bytes after a complete member: another member. */
			inflateReset(&d->z);
			d->z_member_end = 0;
		}
		ret = inflate(&d->z, Z_NO_FLUSH);
		if (ret == Z_STREAM_END)
			d->z_member_end = 1;
		else if (ret != Z_OK && ret != Z_BUF_ERROR)
			return cs_error_set(err, d->name, 0, "corrupt gzip data: %s",
			        d->z.msg ? d->z.msg : "inflate failed");
	}
	return (ssize_t)(CS_DECODE_CHUNK - d->z.avail_out);
}

/* The next chunk after inflation, at *p (with HEAD writable bytes before). */
static ssize_t
plain_fill(struct cs_decode *d, char **p, struct cs_error *err)
{
	ssize_t n;

	if (d->gz) {
		*p = d->zbuf + HEAD;
		return gz_fill(d, err);
	}
	*p = d->raw + HEAD;
	if (d->raw_pending) {
		n = (ssize_t)d->raw_pending;
		d->raw_pending = 0;
		return n;
	}
	return raw_fill(d, err);
}

/* Whether the first two code units are printable ASCII in UTF-16 of the
 * given byte order: "I\0d\0" (little endian) or "\0I\0d" (big endian).  No
 * UTF-8 text starts that way, and a header starts with a printable name or
 * a quote, so UTF-16 saved without its byte order mark is still read. */
static int
looks_utf16(const unsigned char *b, int little)
{
	int lo = little ? 0 : 1, hi = little ? 1 : 0;

	return b[hi] == 0 && b[hi + 2] == 0 && b[lo] >= 0x20 && b[lo] < 0x7f && b[lo + 2] >= 0x20 &&
	        b[lo + 2] < 0x7f;
}

/* Reads the first chunk, decides on gzip and on the encoding. */
static int
start(struct cs_decode *d, struct cs_error *err)
{
	ssize_t n = raw_fill(d, err);
	unsigned char *b;
	size_t skip = 0;
	const char *from;

	if (n < 0)
		return -1;
	b = (unsigned char *)d->raw + HEAD;
	if (d->gz_forced || (n >= 2 && b[0] == 0x1f && b[1] == 0x8b)) {
		d->gz = 1;
		d->zbuf = xmalloc(HEAD + CS_DECODE_CHUNK);
		if (inflateInit2(&d->z, 15 + 16) != Z_OK)
			return cs_error_set(err, d->name, 0, "cannot start gzip inflation");
		d->z_ready = 1;
		d->z.next_in = b;
		d->z.avail_in = (unsigned)n;
	} else {
		d->raw_pending = (size_t)n;
	}
	n = plain_fill(d, &d->in, err);
	if (n < 0)
		return -1;
	b = (unsigned char *)d->in;
	if (n >= 3 && b[0] == 0xef && b[1] == 0xbb && b[2] == 0xbf) {
		d->enc = "utf-8";
		skip = 3;
	} else if (n >= 2 && b[0] == 0xff && b[1] == 0xfe) {
		d->enc = "utf-16le";
		skip = 2;
	} else if (n >= 2 && b[0] == 0xfe && b[1] == 0xff) {
		d->enc = "utf-16be";
		skip = 2;
	} else if (strcmp(d->want, "utf-8") == 0 && n >= 4 && looks_utf16(b, 1)) {
		d->enc = "utf-16le";
	} else if (strcmp(d->want, "utf-8") == 0 && n >= 4 && looks_utf16(b, 0)) {
		d->enc = "utf-16be";
	}
	d->in += skip;
	d->in_left = (size_t)n - skip;
	d->in_eof = n == 0;
	from = iconv_name(d->enc);
	if (from != NULL) {
		d->cd = iconv_open("UTF-8", from);
		if (d->cd == (iconv_t)-1)
			return cs_error_set(err, d->name, 0, "cannot convert from %s: %s", d->enc,
			        strerror(errno));
		d->have_cd = 1;
		d->unit = strncmp(d->enc, "utf-16", 6) == 0 ? 2 : 1;
		d->ubuf = xmalloc(CS_DECODE_CHUNK);
	}
	d->started = 1;
	return 0;
}

/* Converts into d->ubuf until it is nearly full or the input ends. */
static ssize_t
convert(struct cs_decode *d, const char **out, struct cs_error *err)
{
	char *o = d->ubuf;
	size_t o_left = CS_DECODE_CHUNK;

	/* Keep room for the longest UTF-8 character, so E2BIG means "full". */
	while (o_left >= 8) {
		size_t r;

		if (d->in_left == 0) {
			char *p;
			ssize_t n;

			if (d->in_eof)
				break;
			n = plain_fill(d, &p, err);
			if (n < 0)
				return -1;
			if (n == 0) {
				d->in_eof = 1;
				if (d->ncarry) {
					/* The input ends inside a character. */
					*o++ = (char)0xff;
					o_left--;
					d->ncarry = 0;
				}
				break;
			}
			if (d->ncarry) {
				p -= d->ncarry;
				memcpy(p, d->carry, d->ncarry);
				n += (ssize_t)d->ncarry;
				d->ncarry = 0;
			}
			d->in = p;
			d->in_left = (size_t)n;
		}
		r = iconv(d->cd, &d->in, &d->in_left, &o, &o_left);
		if (r != (size_t)-1)
			continue;
		if (errno == E2BIG)
			break;
		if (errno == EINVAL && d->in_left < HEAD) {
			memcpy(d->carry, d->in, d->in_left);
			d->ncarry = d->in_left;
			d->in_left = 0;
		} else if (errno == EILSEQ || errno == EINVAL) {
			size_t skip = d->unit < d->in_left ? d->unit : d->in_left;

			*o++ = (char)0xff;
			o_left--;
			d->in += skip;
			d->in_left -= skip;
		} else {
			return cs_error_set(err, d->name, 0, "cannot convert from %s: %s", d->enc,
			        strerror(errno));
		}
	}
	*out = d->ubuf;
	return (ssize_t)(o - d->ubuf);
}

ssize_t
cs_decode_read(struct cs_decode *d, const char **out, struct cs_error *err)
{
	if (!d->started && start(d, err) < 0)
		return -1;
	if (d->have_cd)
		return convert(d, out, err);
	while (d->in_left == 0) {
		ssize_t n;

		if (d->in_eof)
			return 0;
		n = plain_fill(d, &d->in, err);
		if (n < 0)
			return -1;
		if (n == 0)
			d->in_eof = 1;
		d->in_left = (size_t)n;
	}
	*out = d->in;
	{
		ssize_t n = (ssize_t)d->in_left;

		d->in_left = 0;
		return n;
	}
}

const char *
cs_decode_encoding(const struct cs_decode *d)
{
	return d->enc;
}

unsigned long long
cs_decode_bytes(const struct cs_decode *d)
{
	return d->raw_bytes;
}

void
cs_decode_free(struct cs_decode *d)
{
	if (d == NULL)
		return;
	if (d->owns_fd && d->fd >= 0)
		close(d->fd);
	if (d->z_ready)
		inflateEnd(&d->z);
	if (d->have_cd)
		iconv_close(d->cd);
	free(d->name);
	free(d->mem);
	free(d->raw);
	free(d->zbuf);
	free(d->ubuf);
	free(d);
}
