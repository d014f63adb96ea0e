/** A signal for one request plus what fired it; call `dispose` when the request settles. */
export interface TimeoutSignal {
  signal: AbortSignal;
  /** True once the timer, not a parent, aborted the signal. */
  timedOut(): boolean;
  dispose(): void;
}

/**
 * An AbortSignal that fires after `timeoutMs` or as soon as any parent aborts. Hand-rolled
 * rather than `AbortSignal.any` + `AbortSignal.timeout` so we know which one fired and leave
 * no listener on a long-lived parent signal behind.
 */
export function timeoutSignal(timeoutMs: number, parents: readonly (AbortSignal | undefined)[]): TimeoutSignal {
  const controller = new AbortController();
  let timedOut = false;
  const onParentAbort = (event: Event): void => {
    const parent = event.target instanceof AbortSignal ? event.target : undefined;
    controller.abort(parent?.reason);
  };
  const live = parents.filter((p): p is AbortSignal => p !== undefined);
  for (const parent of live) {
    if (parent.aborted) controller.abort(parent.reason);
    else parent.addEventListener('abort', onParentAbort, { once: true });
  }
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new Error(`no answer within ${timeoutMs} ms`));
  }, timeoutMs);
  return {
    signal: controller.signal,
    timedOut: () => timedOut,
    dispose() {
      clearTimeout(timer);
      for (const parent of live) parent.removeEventListener('abort', onParentAbort);
    },
  };
}
