import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiProblem } from '../api/api-problem.ts';
import type { ProblemItem } from '../api/api-types.ts';

interface ProblemAlertProps {
  error: unknown;
  /** Problems that no form field took (see applyProblemsToForm); listed under the detail. */
  problems?: readonly ProblemItem[];
  onRetry?: () => void;
}

/** Shows an API problem's `detail` (already in the UI language), its unplaced problems and request id. */
export function ProblemAlert({ error, problems, onRetry }: ProblemAlertProps) {
  const { t } = useTranslation();
  const requestId = isApiProblem(error) ? error.requestId : undefined;
  // With a problem list, `detail` tends to repeat the list; the summary heads the alert and each problem shows
  // once, under its form field or in the list below. Without one, `detail` is the message.
  const heading = !isApiProblem(error)
    ? t('errors.unexpected')
    : error.problems.length > 0
      ? error.title
      : error.detail;
  const listed = (problems ?? (isApiProblem(error) ? error.problems : [])).filter(
    (p) => p.message !== heading,
  );

  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={heading}
      description={
        listed.length === 0 && requestId === undefined ? undefined : (
          <>
            {listed.length > 0 && (
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {listed.map((p, index) => (
                  <li key={`${p.code}-${index}`}>{p.message}</li>
                ))}
              </ul>
            )}
            {requestId !== undefined && (
              <div style={{ opacity: 0.6, fontSize: 12 }}>{t('errors.requestId', { requestId })}</div>
            )}
          </>
        )
      }
      action={
        onRetry === undefined ? undefined : (
          <Button size="small" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )
      }
    />
  );
}
