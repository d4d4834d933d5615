/*
 * The built-in sources of cs-import: for each helpdesk export it knows, the
 * header columns that identify it and its mapping onto canonical tickets,
 * written in the mapping-file format (mapping.h) so that --sniff can show
 * it and a user can copy it as the start of their own.  Also the generic
 * mappings of every kind, built from the canonical names and their aliases
 * (kinds.c).
 *
 * Everything here is static; cs_source_mapping fills a mapping the caller
 * releases.
 */
#ifndef CS_SOURCE_H
#define CS_SOURCE_H

#include <stddef.h>

#include "libcs/csv.h"
#include "libcs/error.h"
#include "libcs/kinds.h"
#include "libcs/mapping.h"

struct cs_source {
	const char *name; /* "zendesk"; "raw"; "generic" */
	enum cs_kind kind; /* CS_KIND_NONE for raw; generic sources of
			    * every kind share one entry */
	const char *const *signature; /* columns that identify the export */
	int min_hits; /* how many of them must be present */
	const char *mapping; /* mapping-file text; NULL for raw and generic */
};

/* The sources -f accepts, in the order --help lists them. */
const struct cs_source *cs_source_list(size_t *n);
const struct cs_source *cs_source_find(const char *name);

/*
 * The source whose signature best matches a header, among those that write
 * kind (CS_KIND_NONE: any kind).  When no helpdesk source matches, the
 * generic source is returned if the header has the required columns of a
 * kind (by canonical name or alias); *kind receives that kind.  Returns NULL
 * when nothing matches.
 */
const struct cs_source *cs_source_detect(const struct cs_row *header, enum cs_kind *kind);

/* Builds the source's mapping for a kind (generic sources need kind, and
 * the header, to pick each column's alias and its unit). */
int cs_source_mapping(const struct cs_source *s, enum cs_kind kind, const struct cs_row *header,
        struct cs_mapping *m, struct cs_error *err);

#endif
