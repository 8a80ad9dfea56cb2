// A customer's promises to pay and payment plans, each with its state at a glance.
import { For, Show } from 'solid-js';
import type { PlanRow, PromiseRow } from '../../api/collections';
import { fmtNumber, t } from '../../i18n';
import { DateText } from '../common/DateText';
import { Money } from '../common/Money';

export function PromiseList(props: { promises: PromiseRow[]; plans: PlanRow[]; currency: string }) {
  return (
    <>
      <Show when={props.promises.length > 0}>
        <table class="table" data-testid="promises">
          <thead>
            <tr>
              <th scope="col">{t('promise.madeOn')}</th>
              <th scope="col">{t('queue.promiseDate')}</th>
              <th scope="col" class="num">{t('queue.promiseAmount')}</th>
              <th scope="col" class="num">{t('promise.paid')}</th>
              <th scope="col">{t('promise.state')}</th>
            </tr>
          </thead>
          <tbody>
            <For each={props.promises}>
              {(p) => (
                <tr data-testid="promise-row" data-state={p.state}>
                  <td><DateText date={p.madeOn} /></td>
                  <td><DateText date={p.date} /></td>
                  <td class="num"><Money amount={p.amount} currency={props.currency} /></td>
                  <td class="num"><Money amount={p.paid} currency={props.currency} /></td>
                  <td><span class={`badge badge-${p.state}`}>{t(`promise.state.${p.state}`)}</span></td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </Show>
      <For each={props.plans}>
        {(plan) => (
          <div class="plan" data-testid="plan" data-state={plan.state}>
            <h3>
              {t('plan.title', { count: fmtNumber(plan.schedule.length) })}{' '}
              <span class={`badge badge-${plan.state}`}>{t(`plan.state.${plan.state}`)}</span>
            </h3>
            <table class="table">
              <tbody>
                <For each={plan.schedule}>
                  {(i) => (
                    <tr data-state={i.state}>
                      <td><DateText date={i.date} /></td>
                      <td class="num"><Money amount={i.amount} currency={props.currency} /></td>
                      <td>{t(`promise.state.${i.state}`)}</td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </div>
        )}
      </For>
    </>
  );
}
