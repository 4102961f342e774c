/**
 * One Office.js request batch at a time: queued operations with an estimate of their JSON size,
 * so the writer can sync before a request would pass Excel on the web's 5 MB payload limit, and
 * count the round trips it makes. Syncing here (not in the writer's loops) is the point: a sync
 * happens per full batch — per chunk of rows — never per row.
 */
import { OPERATION_OVERHEAD_BYTES } from "./cells";

/** Excel on the web rejects a request (or response) larger than this. */
export const PAYLOAD_LIMIT_BYTES = 5_000_000;

/** The writer's target per request: a fifth under the limit, for the request envelope and estimate error. */
export const DEFAULT_BATCH_BYTES = 4_000_000;

export interface BatchHooks {
  /** Queued before the first operation of every batch (e.g. suspend screen updating until the sync). */
  onBegin?: () => void;
  /** Called just before each sync, to queue last operations of the batch (e.g. the owned-sheet marker). */
  beforeSync?: () => void;
}

export class RequestBatch {
  private bytes = 0;
  private begun = false;
  /** Round trips made through this batch (the caller adds any it made itself). */
  syncs = 0;
  /** The largest batch sent, in estimated bytes. */
  largestBytes = 0;

  constructor(
    private readonly context: Excel.RequestContext,
    readonly budgetBytes: number = DEFAULT_BATCH_BYTES,
    private readonly hooks: BatchHooks = {},
  ) {}

  /** Estimated bytes queued since the last sync. */
  get queuedBytes(): number {
    return this.bytes;
  }

  /** Bytes of payload still free in this batch for one more operation. */
  get roomBytes(): number {
    return this.budgetBytes - this.bytes - OPERATION_OVERHEAD_BYTES;
  }

  /** Queues one operation (`enqueue` makes the Office.js call) of about `payloadBytes` of data. */
  queue(payloadBytes: number, enqueue: () => void): void {
    if (!this.begun) {
      this.begun = true;
      if (this.hooks.onBegin) {
        this.bytes += OPERATION_OVERHEAD_BYTES;
        this.hooks.onBegin();
      }
    }
    this.bytes += payloadBytes + OPERATION_OVERHEAD_BYTES;
    enqueue();
  }

  /** Sends the batch. */
  async sync(): Promise<void> {
    this.hooks.beforeSync?.();
    this.largestBytes = Math.max(this.largestBytes, this.bytes);
    this.bytes = 0;
    this.begun = false;
    this.syncs++;
    await this.context.sync();
  }
}
