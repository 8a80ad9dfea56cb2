// The sync invariants as a property: two or three devices make random edits
// offline, sync in random orders while the server injects random faults (errors,
// cut bodies, lost answers, 412s), and compact now and then. After a final round
// every device holds the same book, and every field holds the value of its newest
// write on any device (no field update lost), as a pure replay of all writes says.
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collectLocal } from '../../../src/db/sync-store';
import { putSetting } from '../../../src/db/settings';
import type { OverdueDb } from '../../../src/db/schema';
import type { Id } from '../../../src/domain/types';
import { createEndpoint } from '../../../src/sync/endpoint';
import { mergeOp, type Replicated } from '../../../src/sync/field-merge';
import { recordKey } from '../../../src/sync/ops';
import type { FaultMode } from '../../../src/sync-server/faults';
import { useSyncServer } from '../../support/sync-server';
import { bookInput, bookState, closeAll, device, must, type Device } from '../../support/sync-devices';

const TOKEN = 'prop-token';
const server = useSyncServer(TOKEN);
let run = 0;

type Step =
  | { kind: 'newCustomer'; device: number; name: string }
  | { kind: 'editCustomer'; device: number; pick: number; field: 'name' | 'notes' | 'termsDays'; text: string; days: number }
  | { kind: 'newInvoice'; device: number; pick: number; amount: number }
  | { kind: 'editInvoice'; device: number; pick: number; description: string; amount: number }
  | { kind: 'pay'; device: number; pick: number; amount: number }
  | { kind: 'setting'; device: number; value: number }
  | { kind: 'import'; device: number; pick: number; count: number }
  | { kind: 'undo'; device: number }
  | { kind: 'tick'; ms: number }
  | { kind: 'sync'; device: number; fault: FaultMode | null; compactAfter: number };

const FAULTS: FaultMode[] = ['500', '503', 'truncate', 'nonjson', 'html', '412', 'lost'];

function stepArb(devices: number): fc.Arbitrary<Step> {
  const d = fc.integer({ min: 0, max: devices - 1 });
  const pick = fc.nat(1000);
  return fc.oneof(
    fc.record({ kind: fc.constant('newCustomer' as const), device: d, name: fc.string({ minLength: 1, maxLength: 6 }) }),
    fc.record({
      kind: fc.constant('editCustomer' as const), device: d, pick, field: fc.constantFrom('name' as const, 'notes' as const, 'termsDays' as const),
      text: fc.string({ minLength: 1, maxLength: 6 }), days: fc.integer({ min: 0, max: 90 }),
    }),
    fc.record({ kind: fc.constant('newInvoice' as const), device: d, pick, amount: fc.integer({ min: 1, max: 100_000 }) }),
    fc.record({ kind: fc.constant('editInvoice' as const), device: d, pick, description: fc.string({ maxLength: 6 }), amount: fc.integer({ min: 1, max: 100_000 }) }),
    fc.record({ kind: fc.constant('pay' as const), device: d, pick, amount: fc.integer({ min: 1, max: 50_000 }) }),
    fc.record({ kind: fc.constant('setting' as const), device: d, value: fc.integer({ min: 0, max: 100 }) }),
    fc.record({ kind: fc.constant('undo' as const), device: d }),
    fc.record({ kind: fc.constant('import' as const), device: d, pick, count: fc.integer({ min: 1, max: 3 }) }),
    fc.record({ kind: fc.constant('tick' as const), ms: fc.integer({ min: 0, max: 5000 }) }),
    fc.record({
      kind: fc.constant('sync' as const), device: d,
      fault: fc.option(fc.constantFrom(...FAULTS), { freq: 3 }), compactAfter: fc.constantFrom(2, 4, 1000),
    }),
  );
}

async function live<T>(db: OverdueDb, table: 'customers' | 'invoices', book: Id): Promise<T[]> {
  return (await db.table(table).where('[bookId+deleted]').equals([book, 0]).sortBy('id')) as T[];
}

async function apply(step: Step, devices: Device[], book: Id, folder: string, clock: { t: number }): Promise<void> {
  if (step.kind === 'tick') {
    clock.t += step.ms;
    return;
  }
  const dev = devices[step.device] as Device;
  const { repo, db } = dev;
  switch (step.kind) {
    case 'newCustomer':
      await repo.saveCustomer(book, { name: step.name, uscc: '', termsDays: 30, creditLimit: null, contacts: [], tags: [], notes: '' });
      return;
    case 'editCustomer': {
      const all = await live<{ id: Id; name: string; notes: string; termsDays: number }>(db, 'customers', book);
      const c = all[step.pick % Math.max(1, all.length)];
      if (!c) return;
      const input = { name: c.name, uscc: '', termsDays: c.termsDays, creditLimit: null, contacts: [], tags: [], notes: c.notes };
      if (step.field === 'termsDays') input.termsDays = step.days;
      else input[step.field] = step.text;
      await repo.saveCustomer(book, input, c.id);
      return;
    }
    case 'newInvoice': {
      const all = await live<{ id: Id }>(db, 'customers', book);
      const c = all[step.pick % Math.max(1, all.length)];
      if (!c) return;
      await repo.saveInvoice(book, {
        customerId: c.id, number: `N-${step.device}-${clock.t}-${step.pick}`, issueDate: '2026-10-01', dueDate: '2026-10-31',
        amount: step.amount, currency: 'CNY', description: '', disputed: false, disputeReason: '',
      });
      return;
    }
    case 'editInvoice': {
      const all = await live<{ id: Id; customerId: Id; number: string }>(db, 'invoices', book);
      const inv = all[step.pick % Math.max(1, all.length)];
      if (!inv) return;
      await repo.saveInvoice(book, {
        customerId: inv.customerId, number: inv.number, issueDate: '2026-10-01', dueDate: '2026-10-31',
        amount: step.amount, currency: 'CNY', description: step.description, disputed: false, disputeReason: '',
      }, inv.id);
      return;
    }
    case 'pay': {
      const all = await live<{ id: Id }>(db, 'customers', book);
      const c = all[step.pick % Math.max(1, all.length)];
      if (!c) return;
      await repo.recordPayment(book, { customerId: c.id, date: '2026-11-05', amount: step.amount, method: 'bank', reference: '', allocation: 'auto' });
      return;
    }
    case 'import': {
      // A bulk write, logged as id lists (like an import): undoing it is a bulk tombstone.
      const all = await live<{ id: Id }>(db, 'customers', book);
      const c = all[step.pick % Math.max(1, all.length)];
      if (!c) return;
      const invoices = Array.from({ length: step.count }, (_, i) => ({
        id: crypto.randomUUID(), bookId: book, updatedAt: '', deleted: 0 as const, customerId: c.id, number: `I-${step.device}-${clock.t}-${i}-${step.pick}`,
        issueDate: '2026-09-01', dueDate: '2026-09-30', amount: 100 + i, currency: 'CNY', description: '', disputed: 0 as const, disputeReason: '',
      }));
      await repo.bulkInsert(book, { customers: [], invoices, payments: [], allocations: [], adjustments: [], activities: [] }, 'import');
      return;
    }
    case 'setting':
      await putSetting(db, book, 'risk.weights', { payment: step.value });
      return;
    case 'undo':
      await repo.undoLast(book);
      return;
    case 'sync': {
      if (step.fault) await server.queueFaults([{ fault: step.fault, pathPrefix: `/${folder}/` }]);
      const ep = createEndpoint({ url: `${server.url}/${folder}/`, auth: { token: TOKEN }, timeoutMs: 2000 });
      await dev.sync(book, ep, { compactAfter: step.compactAfter, segmentOps: 3, snapshotRecords: 4 }).catch(() => undefined);
      await server.clearFaults();
      return;
    }
  }
}

/** Every device's own writes, replayed into a pure replica: the value each field must end with. */
async function expectedFields(devices: Device[], book: Id): Promise<Map<string, Replicated>> {
  const state = new Map<string, Replicated>();
  const ops = [];
  for (const d of devices) ops.push(...(await collectLocal(d.db, book, 0, d.name)).ops);
  ops.sort((a, b) => (a.s < b.s ? -1 : a.s > b.s ? 1 : 0));
  for (const op of ops) {
    const key = recordKey(op.t, op.id);
    state.set(key, mergeOp(state.get(key) ?? null, op).next);
  }
  return state;
}

describe('convergence (property)', () => {
  for (const count of [2, 3]) {
    it(`${count} devices: random edits, random sync orders and faults, always the same book in the end with no field update lost`, async () => {
      await fc.assert(fc.asyncProperty(fc.array(stepArb(count), { minLength: 5, maxLength: 28 }), fc.array(fc.integer({ min: -4000, max: 4000 }), { minLength: count, maxLength: count }), async (steps, skews) => {
        const opened: OverdueDb[] = [];
        const folder = `p${++run}`;
        const clock = { t: Date.parse('2026-11-20T08:00:00Z') };
        try {
          const devices = Array.from({ length: count }, (_, i) => device(`dev${i}`, opened, () => clock.t + (skews[i] ?? 0)));
          const first = devices[0] as Device;
          const book = must(await first.repo.createBook(bookInput('Prop Book'))).id;
          must(await first.repo.saveCustomer(book, { name: 'Seed', uscc: '', termsDays: 30, creditLimit: null, contacts: [], tags: [], notes: '' }));
          const ep = createEndpoint({ url: `${server.url}/${folder}/`, auth: { token: TOKEN }, timeoutMs: 2000 });
          await first.sync(book, ep);
          for (const d of devices.slice(1)) await d.sync(book, ep);

          for (const step of steps) await apply(step, devices, book, folder, clock);

          // Final rounds without faults: everyone pushes, then everyone pulls.
          for (let round = 0; round < 2; round++) for (const d of devices) await d.sync(book, ep, { segmentOps: 3, snapshotRecords: 4 });

          const states = await Promise.all(devices.map((d) => bookState(d.db, book)));
          for (const s of states.slice(1)) expect(s).toEqual(states[0]);

          const expected = await expectedFields(devices, book);
          const actual = states[0] as Record<string, unknown>;
          for (const [key, rec] of expected) {
            const stored = actual[key];
            if (key.startsWith('settings/')) {
              expect(stored, key).toEqual(rec.fields.value);
              continue;
            }
            for (const [name, value] of Object.entries(rec.fields)) {
              expect((stored as Record<string, unknown> | undefined)?.[name], `${key}.${name}`).toEqual(value);
            }
          }
        } finally {
          await closeAll(opened);
        }
      }), { numRuns: Number(process.env.SYNC_PROPERTY_RUNS ?? (count === 2 ? 25 : 20)) });
    }, 240_000);
  }
});
