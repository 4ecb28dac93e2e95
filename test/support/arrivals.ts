/**
 * Waiting for what a loopback stand-in receives: the server calls `arrived()` after recording each
 * request, which re-checks every pending wait; a wait resolves once its selection holds `count` items.
 */
export interface Arrivals {
  arrived(): void;
  waitFor<T>(select: () => T[], count: number, timeoutMs: number, timeoutMessage: () => string): Promise<T[]>;
}

export function createArrivals(): Arrivals {
  const waiters: Array<() => void> = [];
  return {
    arrived() {
      for (const wake of waiters.splice(0)) wake();
    },
    waitFor(select, count, timeoutMs, timeoutMessage) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(timeoutMessage())), timeoutMs);
        const check = (): void => {
          const found = select();
          if (found.length >= count) {
            clearTimeout(timer);
            resolve(found);
          } else waiters.push(check);
        };
        check();
      });
    },
  };
}
