import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { isOverSla, slaDaysOf } from './case-sla.ts';

/** Days in the current state, red with the SLA in a tooltip when over it. */
export function SlaAgeTag({ state, daysInState }: { state: string; daysInState: number }) {
  const { t } = useTranslation();
  const sla = slaDaysOf(state);
  const over = isOverSla(state, daysInState);
  const tag = (
    <Tag color={over ? 'red' : 'default'} data-over-sla={over}>
      {t('cases.daysInState', { count: daysInState })}
    </Tag>
  );
  return sla === null ? tag : <Tooltip title={t('cases.slaDays', { count: sla })}>{tag}</Tooltip>;
}
