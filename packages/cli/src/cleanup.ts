/**
 * Work to do when a command ends, whatever its outcome (the reader pool to stop, say). A module
 * registers its own, so that `main` knows nothing of the modules a command loaded.
 */
const pending = new Set<() => Promise<void>>();

export function atCommandEnd(cleanup: () => Promise<void>): void {
  pending.add(cleanup);
}

export async function runCommandCleanups(): Promise<void> {
  const all = [...pending];
  pending.clear();
  await Promise.all(all.map((cleanup) => cleanup()));
}
