/** Waking this process's exchange loops when a package is queued (outbox.ts, exchange-loop.ts). */

/** The loops of this process, woken when a package is queued anywhere in it. */
export const loops = new Set<() => void>();

/**
 * A package was just queued (in a transaction about to commit): every loop of this process looks
 * a moment later, rather than at its next tick. A look that comes before the commit finds
 * nothing, and the next tick sends it.
 */
export function wakeSoon(ms = 50): void {
  if (!loops.size) return;
  setTimeout(() => {
    for (const wake of loops) wake();
  }, ms).unref();
}
