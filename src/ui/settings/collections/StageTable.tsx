// One policy's stages as a table: each row edits a stage in place (labels read by
// screen readers, the column headers for everyone else), with move and remove
// buttons; errors show under the cell they belong to.
import { createEffect, For, Show } from 'solid-js';
import { TEMPLATE_IDS, type StageKind, type TemplateId } from '../../../domain/collections';
import type { Channel } from '../../../domain/types';
import { isMessageKey, t } from '../../../i18n';
import { CheckboxField } from '../../forms/CheckboxField';
import { FieldError } from '../../forms/FieldError';
import type { FormState } from '../../forms/formState';
import { MoneyInput } from '../../forms/MoneyInput';
import { SelectField } from '../../forms/SelectField';
import { TextField } from '../../forms/TextField';
import { CHANNEL_OPTIONS } from '../../queue/channels';
import { stageName } from '../../queue/stageName';
import { policyField, stageField, type MoneyFormat, type StageDraft } from './policyDraft';

const STAGE_KEYS = ['id', 'offsetDays', 'channel', 'kind', 'template', 'fee', 'suspendService'] as const;

export interface StageTableProps {
  form: FormState;
  /** The policy's index in the list sent to the worker. */
  policyIndex: number;
  stages: StageDraft[];
  money: MoneyFormat & { currency: string };
  onChange: <K extends keyof StageDraft>(j: number, key: K, value: StageDraft[K]) => void;
  onMove: (j: number, by: -1 | 1) => void;
  onRemove: (j: number) => void;
  onAdd: () => void;
}

export function StageTable(props: StageTableProps) {
  const kindOptions = () => (['task', 'notice'] as const).map((k) => ({ value: k, label: t(`cs.stageEdit.kind.${k}`) }));
  const templateOptions = () => [
    { value: '', label: t('cs.stageEdit.noTemplate') },
    ...TEMPLATE_IDS.map((id) => ({ value: id, label: t(`notice.template.${id}`) })),
  ];
  const stagesField = () => policyField(props.policyIndex, 'stages');
  createEffect(() => props.form.register(stagesField()));

  return (
    <div class="table-scroll">
      <table class="table stage-table">
        <thead>
          <tr>
            <th>{t('cs.stageEdit.col.id')}</th>
            <th>{t('cs.stageEdit.col.offset')}</th>
            <th>{t('cs.stageEdit.col.channel')}</th>
            <th>{t('cs.stageEdit.col.kind')}</th>
            <th>{t('cs.stageEdit.col.template')}</th>
            <th>{t('cs.stageEdit.col.fee', { currency: props.money.currency })}</th>
            <th>{t('cs.stageEdit.col.suspend')}</th>
            <th>{t('cs.stageEdit.col.move')}</th>
          </tr>
        </thead>
        <tbody>
          <For each={props.stages}>
            {(s, j) => {
              const name = (key: (typeof STAGE_KEYS)[number]) => stageField(props.policyIndex, j(), key);
              const label = (column: Parameters<typeof t>[0]) => t('cs.stageEdit.label', { number: j() + 1, field: t(column, { currency: props.money.currency }) });
              // Rows move, so the names they answer to change: keep them all registered.
              createEffect(() => STAGE_KEYS.forEach((k) => props.form.register(name(k))));
              const set = <K extends keyof StageDraft>(key: K) => (value: StageDraft[K]) => props.onChange(j(), key, value);
              return (
                <tr data-testid="stage-row" data-stage={s.id}>
                  <td>
                    <TextField form={props.form} name={name('id')} label={label('cs.stageEdit.col.id')} value={s.id}
                      onInput={set('id')} class="stage-id" />
                    <Show when={isMessageKey(`stage.${s.id}`)}>
                      <div class="field-hint">{stageName(s.id)}</div>
                    </Show>
                  </td>
                  <td>
                    <TextField form={props.form} name={name('offsetDays')} label={label('cs.stageEdit.col.offset')}
                      value={s.offsetDays} onInput={set('offsetDays')} inputMode="numeric" class="stage-offset" />
                  </td>
                  <td>
                    <SelectField form={props.form} name={name('channel')} label={label('cs.stageEdit.col.channel')} value={s.channel}
                      options={CHANNEL_OPTIONS()} onChange={(v) => set('channel')(v as Channel)} />
                  </td>
                  <td>
                    <SelectField form={props.form} name={name('kind')} label={label('cs.stageEdit.col.kind')} value={s.kind}
                      options={kindOptions()} onChange={(v) => set('kind')(v as StageKind)} />
                  </td>
                  <td>
                    <SelectField form={props.form} name={name('template')} label={label('cs.stageEdit.col.template')} value={s.template}
                      options={templateOptions()} onChange={(v) => set('template')(v as TemplateId | '')} />
                  </td>
                  <td>
                    <MoneyInput form={props.form} name={name('fee')} label={label('cs.stageEdit.col.fee')} value={s.fee}
                      onInput={set('fee')} digits={props.money.digits} commaDecimal={props.money.commaDecimal} />
                  </td>
                  <td>
                    <CheckboxField form={props.form} name={name('suspendService')} label={label('cs.stageEdit.col.suspend')}
                      checked={s.suspendService} onChange={set('suspendService')} />
                  </td>
                  <td class="actions nowrap">
                    <button type="button" class="btn btn-small" data-testid="stage-up" disabled={j() === 0}
                      aria-label={t('cs.stageEdit.up')} title={t('cs.stageEdit.up')} onClick={() => props.onMove(j(), -1)}>↑</button>
                    <button type="button" class="btn btn-small" data-testid="stage-down" disabled={j() === props.stages.length - 1}
                      aria-label={t('cs.stageEdit.down')} title={t('cs.stageEdit.down')} onClick={() => props.onMove(j(), 1)}>↓</button>
                    <button type="button" class="btn btn-small" data-testid="stage-remove" disabled={props.stages.length === 1}
                      aria-label={t('cs.stageEdit.remove')} title={t('cs.stageEdit.remove')} onClick={() => props.onRemove(j())}>×</button>
                  </td>
                </tr>
              );
            }}
          </For>
        </tbody>
      </table>
      <FieldError form={props.form} name={stagesField()} />
      <button type="button" class="btn btn-small" data-testid="add-stage" onClick={() => props.onAdd()}>{t('cs.stageEdit.add')}</button>
    </div>
  );
}
