/* Placeholder until the reader lands: every open fails. */
#include "libcs/csv.h"

void
cs_csv_options_init(struct cs_csv_options *opt)
{
	opt->delim = 0;
	opt->max_field = 0;
	opt->encoding = 0;
}

struct cs_csv_reader *
cs_csv_open(const char *path, const struct cs_csv_options *opt, struct cs_error *err)
{
	(void)opt;
	cs_error_set(err, path, 0, "reader not built yet");
	return 0;
}
