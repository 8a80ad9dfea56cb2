import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { AdjustmentKind, Id } from '../../../src/domain/types';
import { addDays } from '../../../src/domain/calendar';
import { ledgerEntries, openBalance } from '../../../src/domain/balance';
import { customerInput, freshEnv, invoiceInput, must, type Env } from './fixtures';

// Generated histories of payments, unapplies, applied credit, adjustments and
// undos must keep the domain invariants: a payment's allocations never exceed it
// (on any day), none is dated before its payment or its invoice, no invoice
// balance is ever below zero on any day, and undo puts back exactly the
// balances and credit that were there before the action it reverts.

const START = '2024-01-01';
const DAYS = 120;

type Command =
  | { kind: 'pay'; customer: number; day: number; amount: number; explicit: { invoice: number; amount: number }[] | null }
  | { kind: 'unapply'; payment: number }
  | { kind: 'apply'; payment: number; explicit: { invoice: number; amount: number }[] | null }
  | { kind: 'adjust'; adjustment: AdjustmentKind; invoice: number; day: number; amount: number }
  | { kind: 'undo' };

const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({
    kind: fc.constant('pay' as const),
    customer: fc.nat(1),
    day: fc.nat(DAYS - 1),
    amount: fc.integer({ min: 1, max: 30_000 }),
    explicit: fc.option(fc.array(fc.record({ invoice: fc.nat(7), amount: fc.integer({ min: 0, max: 12_000 }) }), { maxLength: 3 })),
  }),
  fc.record({ kind: fc.constant('unapply' as const), payment: fc.nat(20) }),
  fc.record({
    kind: fc.constant('apply' as const),
    payment: fc.nat(20),
    explicit: fc.option(fc.array(fc.record({ invoice: fc.nat(7), amount: fc.integer({ min: 0, max: 12_000 }) }), { maxLength: 3 })),
  }),
  fc.record({
    kind: fc.constant('adjust' as const),
    adjustment: fc.constantFrom<AdjustmentKind>('credit', 'writeoff', 'charge'),
    invoice: fc.nat(7),
    day: fc.nat(DAYS - 1),
    amount: fc.integer({ min: 1, max: 12_000 }),
  }),
  fc.record({ kind: fc.constant('undo' as const) }),
);

/** Every invoice's balance and every payment's unapplied part on every day of the window, from the stored records. */
async function balanceTable(env: Env): Promise<Record<Id, number[]>> {
  const invoices = await env.db.invoices.where('[bookId+deleted]').equals([env.bookId, 0]).toArray();
  const allocations = await env.db.allocations.toArray();
  const entries = ledgerEntries(allocations, await env.db.adjustments.toArray());
  const days = Array.from({ length: DAYS + 30 }, (_, d) => addDays(START, d));
  const out: Record<Id, number[]> = {};
  for (const inv of invoices) {
    const mine = entries.filter((e) => e.invoiceId === inv.id);
    out[inv.id] = days.map((day) => openBalance(inv, mine, day));
  }
  for (const p of await env.db.payments.where('[bookId+deleted]').equals([env.bookId, 0]).toArray()) {
    const mine = allocations.filter((a) => a.deleted === 0 && a.paymentId === p.id);
    out[p.id] = days.map((day) => (p.date <= day ? p.amount : 0) - mine.filter((a) => a.date <= day).reduce((s, a) => s + a.amount, 0));
  }
  return out;
}

async function checkInvariants(env: Env): Promise<Record<Id, number[]>> {
  const table = await balanceTable(env);
  for (const balances of Object.values(table)) {
    for (const b of balances) expect(b).toBeGreaterThanOrEqual(0);
  }
  const allocations = (await env.db.allocations.toArray()).filter((a) => a.deleted === 0);
  const issued = new Map((await env.db.invoices.toArray()).map((inv) => [inv.id, inv.issueDate]));
  for (const p of await env.db.payments.toArray()) {
    const mine = allocations.filter((a) => a.paymentId === p.id);
    const applied = mine.reduce((s, a) => s + a.amount, 0);
    if (p.deleted === 1) expect(applied).toBe(0);
    else expect(applied).toBeLessThanOrEqual(p.amount);
    for (const a of mine) {
      expect(a.date >= p.date).toBe(true);
      expect(a.date >= (issued.get(a.invoiceId) ?? '')).toBe(true);
    }
  }
  return table;
}

/** A payment's amount less its live allocations (0 for a tombstoned payment). */
async function unappliedOf(env: Env, paymentId: Id): Promise<number> {
  const p = await env.db.payments.get(paymentId);
  if (!p || p.deleted === 1) return 0;
  const applied = (await env.db.allocations.where('paymentId').equals(paymentId).toArray())
    .filter((a) => a.deleted === 0).reduce((s, a) => s + a.amount, 0);
  return p.amount - applied;
}

describe('repository invariants on generated histories', () => {
  it('no negative balance, no over-applied payment, undo restores exactly', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 14 }), async (commands) => {
        const env = await freshEnv();
        try {
          const customers = [
            must(await env.repo.saveCustomer(env.bookId, customerInput({ name: 'A' }))).id,
            must(await env.repo.saveCustomer(env.bookId, customerInput({ name: 'B' }))).id,
          ];
          const invoices: Id[] = [];
          for (let i = 0; i < 8; i++) {
            const customerId = customers[i % 2] ?? '';
            invoices.push(must(await env.repo.saveInvoice(env.bookId, invoiceInput(customerId, {
              number: `N-${i}`, issueDate: addDays(START, i * 9), dueDate: '', amount: 5_000 + i * 1_000,
            }))).id);
          }
          const payments: Id[] = [];
          const before: Record<Id, number[]>[] = [];
          let state = await checkInvariants(env);

          for (const c of commands) {
            let ok = false;
            const seqBefore = await env.repo.lastSeq(env.bookId);
            if (c.kind === 'pay') {
              const allocation = c.explicit === null ? 'auto' as const
                : c.explicit.map((l) => ({ invoiceId: invoices[l.invoice] ?? '', amount: l.amount }));
              const r = await env.repo.recordPayment(env.bookId, {
                customerId: customers[c.customer] ?? '', date: addDays(START, c.day), amount: c.amount, method: '', reference: '', allocation,
              });
              if (r.ok) {
                payments.push(r.value.payment.id);
                const applied = r.value.allocations.reduce((s, a) => s + a.amount, 0);
                expect(applied + r.value.credit).toBe(c.amount);
              }
              ok = r.ok;
            } else if (c.kind === 'unapply') {
              if (payments.length === 0) continue;
              const r = await env.repo.unapplyPayment(env.bookId, payments[c.payment % payments.length] ?? '');
              ok = r.ok;
            } else if (c.kind === 'apply') {
              if (payments.length === 0) continue;
              const paymentId = payments[c.payment % payments.length] ?? '';
              const allocation = c.explicit === null ? 'auto' as const
                : c.explicit.map((l) => ({ invoiceId: invoices[l.invoice] ?? '', amount: l.amount }));
              const unappliedBefore = await unappliedOf(env, paymentId);
              const r = await env.repo.applyPayment(env.bookId, paymentId, allocation);
              if (r.ok) {
                const applied = r.value.allocations.reduce((s, a) => s + a.amount, 0);
                expect(applied + r.value.credit).toBe(unappliedBefore);
              }
              ok = r.ok;
            } else if (c.kind === 'adjust') {
              const r = await env.repo.addAdjustment(env.bookId, {
                kind: c.adjustment, invoiceId: invoices[c.invoice] ?? '', date: addDays(START, c.day), amount: c.amount, reason: '', basis: '',
              });
              ok = r.ok;
            } else {
              const expected = before.pop();
              if (!expected) continue; // only undo what this history did, not the set-up
              must(await env.repo.undoLast(env.bookId));
              state = await checkInvariants(env);
              expect(state).toEqual(expected);
              continue;
            }
            const next = await checkInvariants(env);
            // A rejected action changes nothing; an accepted one that wrote something can be undone later
            // (unapplying a payment with nothing applied writes nothing, so undo skips it).
            const wrote = (await env.repo.lastSeq(env.bookId)) !== seqBefore;
            expect(wrote).toBe(ok && wrote);
            if (wrote) before.push(state);
            else expect(next).toEqual(state);
            state = next;
          }
        } finally {
          await env.close();
        }
      }),
      { numRuns: 40 },
    );
  }, 120_000);
});
