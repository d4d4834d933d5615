/* Placeholder until the time module lands. */
#include "libcs/datetime.h"
