/** prefers-reduced-motion, read when asked so a change in the OS setting applies at once. */
export function prefersReducedMotion(): boolean {
  return window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/**
 * Runs `frame` once per animation frame until it returns false or stop() is called.
 * `frame` gets the time since the previous frame, so it can size its work.
 */
export function animationLoop(frame: (elapsedMs: number) => boolean): { stop: () => void; running: () => boolean } {
  let handle = 0;
  let last = performance.now();
  let active = true;
  const tick = (now: number) => {
    const elapsed = now - last;
    last = now;
    if (!active) return;
    if (frame(elapsed)) handle = requestAnimationFrame(tick);
    else active = false;
  };
  handle = requestAnimationFrame(tick);
  return {
    stop: () => {
      active = false;
      cancelAnimationFrame(handle);
    },
    running: () => active,
  };
}
