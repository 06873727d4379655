import { useCallback, useEffect, useRef, useState } from 'react';
import {
  applyEvent,
  initialStates,
  type CheckEvent,
  type CheckId,
  type CheckState,
} from '../../domain/environment-check';
import type { EnvironmentCheck } from '../../domain/ports';

/**
 * The preflight's state on screen: every check with what is known of it, whether a run is under
 * way, and the latest event (what the live region says). A new run starts from "waiting"; the
 * results of the last run stay on screen until then.
 */
export function useEnvironmentCheck(check: EnvironmentCheck) {
  const [states, setStates] = useState<ReadonlyMap<CheckId, CheckState>>(initialStates);
  const [phase, setPhase] = useState<'idle' | 'running' | 'done'>('idle');
  const [last, setLast] = useState<CheckEvent | null>(null);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const start = useCallback(() => {
    if (phase === 'running') return;
    setStates(initialStates());
    setLast(null);
    setPhase('running');
    void check
      .run((event) => {
        if (!mounted.current) return;
        setStates((current) => applyEvent(current, event));
        setLast(event);
      })
      // `run` reports failures as results; anything else still ends the run on screen.
      .catch(() => undefined)
      .finally(() => {
        if (mounted.current) setPhase('done');
      });
  }, [check, phase]);

  return { states, phase, last, start };
}
