# Sourced by tests/score.test: the realistic run over the RavenStack SaaS
# exports (../shared/data/real/ravenstack_saas; synthetic, see SOURCES.md).
# Skips cleanly without them or without cs-import.
rs=$REAL/ravenstack_saas
if [ ! -d "$rs" ]; then
	tap_skip "ravenstack: realistic run" "no real exports at $REAL"
	return 0 2>/dev/null || exit 0
fi
tap_skip "ravenstack: realistic run" "not wired yet"
