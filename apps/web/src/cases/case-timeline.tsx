import { Card, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../format/format-date-time.ts';
import { currentLanguage } from '../i18n/i18n.ts';
import { referenceLabel } from '../reference/reference-options.ts';
import type { CaseDetail } from './case-api.ts';
import { caseLabels, eventReasonLabel } from './case-labels.ts';

/** 时间线: every recorded step with its time, the actor's role, the state change, the reason and the note. */
export function CaseTimeline({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <Card title={t('cases.timeline')} style={{ marginTop: 16 }} data-testid="case-timeline">
      <Timeline
        items={detail.events.map((e, index) => {
          const reason = eventReasonLabel(e.reasonCode, e.action, language, t);
          const moved = e.fromState !== e.toState;
          return {
            key: `${e.occurredAt}-${index}`,
            color: e.action === 'decline' || e.action === 'withdraw' ? 'red' : moved ? 'blue' : 'gray',
            content: (
              <div>
                <Typography.Text strong>{caseLabels.action(e.action, language)}</Typography.Text>
                {moved && (
                  <Typography.Text type="secondary">
                    {'  '}
                    {e.fromState === null ? '' : `${caseLabels.state(e.fromState, language)} → `}
                    {caseLabels.state(e.toState, language)}
                  </Typography.Text>
                )}
                <div style={{ fontSize: 12 }}>
                  <Typography.Text type="secondary">
                    {formatDateTime(e.occurredAt, language)} ·{' '}
                    {e.actorRole === 'system'
                      ? t('cases.systemActor')
                      : referenceLabel('roles', e.actorRole, language)}
                  </Typography.Text>
                  {reason !== null && <span> · {t('cases.reasonValue', { reason })}</span>}
                </div>
                {e.note !== null && e.note !== '' && <div style={{ fontSize: 12 }}>{e.note}</div>}
              </div>
            ),
          };
        })}
      />
    </Card>
  );
}
