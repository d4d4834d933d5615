/*
 * Business-hours calendars and business minutes between two instants.
 *
 * A calendar file holds one or more schedules.  Each schedule has a time
 * zone, opening hours per weekday (one or more intervals a day) and
 * holidays (whole local dates when it is closed).  A schedule is named
 * after the team it serves; "default" serves every other team.  The format
 * is line based, "#" starts a comment:
 *
 *	schedule default
 *	zone Europe/Paris
 *	mon-fri 09:00-18:00
 *	sat 10:00-12:00 14:00-16:00
 *	holiday 2026-12-25
 *
 * Lines before the first "schedule" line belong to "default".  Weekdays are
 * mon..sun, as a list (mon,wed) or a range (mon-fri); times are HH:MM with
 * 24:00 allowed as an end.  A day not named is closed.
 */
#ifndef CS_HOURS_H
#define CS_HOURS_H

#include <stdint.h>

#include "libcs/error.h"

struct cs_hours;

/* Reads a calendar file; NULL with err filled (file and line) on failure. */
struct cs_hours *cs_hours_load(const char *path, struct cs_error *err);
/* The same from text in memory; name appears in messages. */
struct cs_hours *cs_hours_parse(const char *name, const char *text, struct cs_error *err);
void cs_hours_free(struct cs_hours *h);

/* The schedule for a team: the one named like it (case-insensitively), else
 * "default", else the first in the file.  team may be NULL.  Returns an
 * index for cs_hours_minutes. */
int cs_hours_schedule(const struct cs_hours *h, const char *team);

/* Business minutes of schedule s between instants a and b (0 when b <= a).
 * Spans longer than 20 years are refused with NaN. */
double cs_hours_minutes(const struct cs_hours *h, int schedule, int64_t a, int64_t b);

/* The instant when `minutes` business minutes of schedule s have passed
 * since a (a itself when minutes is 0 and a is open); INT64_MAX when the
 * schedule has no opening hours within 20 years. */
int64_t cs_hours_deadline(const struct cs_hours *h, int schedule, int64_t a, double minutes);

#endif
