import { InboxOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Input, Radio, Space, Statistic, Table, Typography, Upload } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiProblem } from '../api/api-problem.ts';
import { PageHeader } from '../common/page-header.tsx';
import { ProblemAlert } from '../common/problem-alert.tsx';
import {
  parsePsiCustomerRows,
  parsePsiCustomerText,
  type PsiCustomer,
  type PsiCustomerList,
} from './parse-psi-customer-list.ts';
import { psiApi } from './psi-api.ts';
import { psiSetKindLabel, psiStepLabel } from './psi-labels.ts';
import { readXlsxRows } from './read-xlsx-rows.ts';
import {
  PsiListTooLargeError,
  PsiSuiteMismatchError,
  runBrowserPsi,
  type BrowserPsiResult,
  type BrowserPsiStep,
  type PsiSetKind,
} from './run-browser-psi.ts';

interface Outcome {
  readonly result: BrowserPsiResult;
  readonly matched: PsiCustomer[];
  readonly setKind: PsiSetKind;
}

/** A file chosen by the clerk, read in the page: an xlsx's first sheet, or a CSV/text list. */
async function readCustomerFile(file: File): Promise<PsiCustomerList> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (isZip) return parsePsiCustomerRows(await readXlsxRows(bytes));
  return parsePsiCustomerText(new TextDecoder().decode(bytes));
}

/**
 * 客户名单隐私匹配 (issue 10 item 7): a bank clerk pastes or opens a list of its customers' codes and learns which
 * are in the programme's opted-in set or on its own bank's whitelist. The list is hashed to the curve and masked
 * in this page (ECDH-PSI, `runBrowserPsi`); the platform sees only masked points and the list's size.
 */
export function PsiMatchPage() {
  const { t } = useTranslation();
  const [setKind, setSetKind] = useState<PsiSetKind>('opted_in');
  const [text, setText] = useState('');
  const [fromFile, setFromFile] = useState<{ name: string; list: PsiCustomerList } | null>(null);
  const [fileError, setFileError] = useState(false);
  const [step, setStep] = useState<BrowserPsiStep | null>(null);
  const pasted = useMemo(() => parsePsiCustomerText(text), [text]);
  const list = fromFile?.list ?? pasted;

  const run = useMutation({
    mutationFn: async (): Promise<Outcome> => {
      const customers = list.customers;
      const result = await runBrowserPsi({
        setKind,
        items: customers.map((c) => c.uscc),
        api: psiApi,
        onStep: setStep,
      });
      const found = new Set(result.intersection);
      return { result, setKind, matched: customers.filter((c) => found.has(c.uscc)) };
    },
    onSettled: () => setStep(null),
  });
  const outcome = run.data;

  return (
    <>
      <PageHeader title={t('psi.title')} subtitle={t('psi.subtitle')} />
      <Alert
        type="info"
        showIcon
        icon={<SafetyCertificateOutlined />}
        style={{ marginBottom: 16 }}
        title={t('psi.privacyTitle')}
        description={t('psi.privacyText')}
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space direction="vertical" style={{ width: '100%' }} size="middle">
          <Radio.Group
            value={setKind}
            onChange={(e) => setSetKind(e.target.value as PsiSetKind)}
            aria-label={t('psi.setKind')}
          >
            <Radio.Button value="opted_in">{psiSetKindLabel('opted_in', t)}</Radio.Button>
            <Radio.Button value="my_whitelist">{psiSetKindLabel('my_whitelist', t)}</Radio.Button>
          </Radio.Group>
          <Input.TextArea
            rows={8}
            value={text}
            disabled={fromFile !== null}
            aria-label={t('psi.pasteLabel')}
            placeholder={t('psi.pastePlaceholder')}
            onChange={(e) => setText(e.target.value)}
          />
          <Space wrap>
            <Upload
              accept=".csv,.txt,.xlsx"
              maxCount={1}
              showUploadList={false}
              beforeUpload={(file) => {
                setFileError(false);
                readCustomerFile(file)
                  .then((read) => setFromFile({ name: file.name, list: read }))
                  .catch(() => {
                    setFromFile(null);
                    setFileError(true);
                  });
                return false;
              }}
            >
              <Button icon={<InboxOutlined />}>{t('psi.openFile')}</Button>
            </Upload>
            {fromFile !== null && (
              <>
                <Typography.Text>{t('psi.fileRead', { name: fromFile.name })}</Typography.Text>
                <Button size="small" onClick={() => setFromFile(null)}>
                  {t('psi.clearFile')}
                </Button>
              </>
            )}
          </Space>
          {fileError && <Alert type="error" showIcon title={t('psi.fileUnreadable')} />}
          <Typography.Text data-testid="psi-list-summary">
            {t('psi.listSummary', { count: list.customers.length })}
            {list.skippedLines.length > 0 &&
              ` ${t('psi.skippedLines', { lines: list.skippedLines.slice(0, 10).join(', ') })}`}
            {list.duplicateLines.length > 0 &&
              ` ${t('psi.duplicateLines', { count: list.duplicateLines.length })}`}
          </Typography.Text>
          <Space>
            <Button
              type="primary"
              disabled={list.customers.length === 0}
              loading={run.isPending}
              onClick={() => run.mutate()}
            >
              {t('psi.run')}
            </Button>
            {step !== null && <Typography.Text type="secondary">{psiStepLabel(step, t)}</Typography.Text>}
          </Space>
        </Space>
      </Card>
      {run.error && <PsiError error={run.error} />}
      {outcome && !run.isPending && (
        <Card size="small" title={t('psi.resultTitle', { set: psiSetKindLabel(outcome.setKind, t) })}>
          <Space size="large" wrap style={{ marginBottom: 16 }}>
            <Statistic title={t('psi.clientSetSize')} value={outcome.result.clientSetSize} />
            <Statistic title={t('psi.serverSetSize')} value={outcome.result.serverSetSize} />
            <Statistic title={t('psi.matchedCount')} value={outcome.matched.length} />
          </Space>
          <div data-testid="psi-matches">
            <Table<PsiCustomer>
              rowKey="uscc"
              size="small"
              dataSource={outcome.matched}
              locale={{ emptyText: t('psi.noMatches') }}
              pagination={{ pageSize: 50 }}
              columns={[
                { title: t('psi.line'), dataIndex: 'line', key: 'line', width: 80 },
                { title: t('psi.uscc'), dataIndex: 'uscc', key: 'uscc' },
                { title: t('psi.yourLabel'), dataIndex: 'label', key: 'label' },
              ]}
            />
          </div>
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
            {t('psi.resultNote')}
          </Typography.Paragraph>
        </Card>
      )}
    </>
  );
}

/** Rate limits and expiry come as problems with their own (localised) text; a suite or browser fault gets ours. */
function PsiError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (isApiProblem(error) && error.code === 'PSI_SESSION_LIMIT_REACHED')
    return (
      <Alert type="warning" showIcon role="alert" title={t('psi.limitReached')} description={error.detail} />
    );
  if (isApiProblem(error)) return <ProblemAlert error={error} />;
  if (error instanceof PsiListTooLargeError)
    return (
      <Alert
        type="error"
        showIcon
        role="alert"
        title={t('psi.listTooLarge', { size: error.size, limit: error.limit })}
      />
    );
  const detail =
    error instanceof PsiSuiteMismatchError ? t('psi.suiteMismatch') : t('psi.browserUnsupported');
  return <Alert type="error" showIcon role="alert" title={detail} />;
}
