import type { FollowUp, FollowUpInput } from './follow-up';
import type { Period, PeriodKey } from './period';
import type { SaveIntent, Viewer } from './rules';

/**
 * The ports the features use. Adapters (SharePoint, local site) implement them; `app/` wires
 * them. Every method may reject with a StoreFailure.
 */

export interface PeriodRepository {
  /** All periods, newest first. */
  list(): Promise<Period[]>;
}

export interface FollowUpRepository {
  /** Every follow-up of the given periods, in one request. */
  listForPeriods(periods: readonly PeriodKey[]): Promise<FollowUp[]>;
  /**
   * Saves an owner's input. `version` is the version the user started from: when someone else
   * saved in between, it rejects with StoreFailure 'conflict' and writes nothing.
   */
  saveInput(
    followUp: Pick<FollowUp, 'itemId' | 'version'>,
    input: FollowUpInput,
    intent: SaveIntent,
    by: Viewer,
  ): Promise<FollowUp>;
}

export interface SessionPort {
  /** The signed-in person and their role. */
  currentViewer(): Promise<Viewer>;
}

/** A person the local demo can sign in as. */
export interface DemoUser {
  readonly id: number;
  readonly name: string;
  readonly email: string;
  readonly isCoordinator: boolean;
}

/** Local mode only: switch between demo users ("Visa som"). */
export interface DemoSessionPort {
  users(): Promise<DemoUser[]>;
  signInAs(userId: number): Promise<void>;
}

/** Everything the features get from the composition root. */
export interface Services {
  readonly periods: PeriodRepository;
  readonly followUps: FollowUpRepository;
  readonly session: SessionPort;
  /** Present in local mode only. */
  readonly demoSession?: DemoSessionPort;
}
