// Loaded with `node --import` by bench/profile/profile.sh: the server has no
// SIGTERM handler of its own, and `--cpu-prof` writes its profile only when
// the process exits, not when a signal kills it.
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => process.exit(0));
