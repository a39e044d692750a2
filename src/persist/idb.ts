import { promisifyRequest, type UseStore } from 'idb-keyval';
import { isQuotaError } from './quota.ts';

// One IndexedDB transaction as a promise. `body` issues its requests with `step`
// (callbacks, so every request stays inside the transaction) and returns a function
// that reads the outcome once the transaction has committed. A failed request or an
// exception in a callback aborts the whole transaction, so nothing it wrote is kept,
// and the promise rejects with that first error (a quota error stays recognisable).

export interface Transaction {
  readonly store: IDBObjectStore;
  /** Issues `request`; `then` gets its result inside the transaction. */
  step<R>(request: IDBRequest<R>, then?: (result: R) => void): void;
}

export function transact<T>(store: UseStore, mode: IDBTransactionMode, body: (tx: Transaction) => () => T): Promise<T> {
  return store(mode, (os) => {
    let failure: { error: unknown } | null = null;
    const fail = (error: unknown) => {
      failure ??= { error };
      try {
        os.transaction.abort();
      } catch {
        // the transaction has already finished or aborted
      }
    };
    const tx: Transaction = {
      store: os,
      step(request, then) {
        request.onerror = (event) => {
          event.preventDefault();
          fail(request.error);
        };
        request.onsuccess = () => {
          try {
            then?.(request.result);
          } catch (error) {
            fail(error);
          }
        };
      },
    };
    let outcome: (() => T) | null = null;
    try {
      outcome = body(tx);
    } catch (error) {
      fail(error);
    }
    return promisifyRequest(os.transaction).then(
      () => {
        if (failure || !outcome) throw failure ? failure.error : new Error('the storage transaction failed');
        return outcome();
      },
      (error: unknown) => {
        throw failure ? failure.error : (error ?? new Error('the storage transaction was aborted'));
      },
    );
  });
}

export type StorageFailure = { ok: false; reason: 'quota' | 'unavailable'; message: string };

export function storageFailure(error: unknown): StorageFailure {
  if (isQuotaError(error)) return { ok: false, reason: 'quota', message: 'the browser’s storage for this site is full' };
  const detail = error instanceof Error || error instanceof DOMException ? `${error.name}: ${error.message}` : String(error);
  return { ok: false, reason: 'unavailable', message: `the browser’s storage failed (${detail})` };
}
