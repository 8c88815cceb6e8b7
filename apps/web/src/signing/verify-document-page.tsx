import { InboxOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Card, Descriptions, Space, Table, Tag, Typography, Upload } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../common/language-switch.tsx';
import { ProblemAlert } from '../common/problem-alert.tsx';
import { formatDateTime } from '../format/format-date-time.ts';
import { currentLanguage } from '../i18n/i18n.ts';
import { caseDocumentApi, type PdfVerification } from './case-document-api.ts';

type VerifiedDocument = PdfVerification['documents'][number];
type VerifiedSigner = VerifiedDocument['signers'][number];

function kindLabel(kind: string, t: TFunction): string {
  switch (kind) {
    case 'loan_contract':
      return t('contracts.kind.loanContract');
    case 'pledge_contract':
      return t('contracts.kind.pledgeContract');
    default:
      return kind;
  }
}

function DocumentVerdict({ document }: { document: VerifiedDocument }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <Card
      size="small"
      title={
        <Space>
          {kindLabel(document.kind, t)}
          <Tag color={document.valid ? 'green' : 'red'}>
            {document.valid ? t('contracts.verify.valid') : t('contracts.verify.invalid')}
          </Tag>
          {document.superseded && <Tag color="orange">{t('contracts.verify.supersededTag')}</Tag>}
          {!document.complete && <Tag>{t('contracts.verify.incomplete')}</Tag>}
        </Space>
      }
    >
      <Descriptions
        size="small"
        column={{ xs: 1, md: 3 }}
        items={[
          { key: 'number', label: t('contracts.verify.contractNumber'), children: document.contractNumber },
          { key: 'case', label: t('contracts.verify.caseNumber'), children: document.caseNumber },
          { key: 'version', label: t('contracts.verify.versionLabel'), children: document.version },
        ]}
      />
      <Table<VerifiedSigner>
        size="small"
        rowKey={(s) => `${s.certificateSerialNumber}-${s.signedAt}`}
        pagination={false}
        dataSource={document.signers}
        columns={[
          { title: t('contracts.verify.signer'), dataIndex: 'organisationName' },
          {
            title: t('contracts.verify.certificateSerial'),
            dataIndex: 'certificateSerialNumber',
            render: (serial: string) => <Typography.Text code>{serial}</Typography.Text>,
          },
          {
            title: t('contracts.verify.signedAt'),
            dataIndex: 'signedAt',
            render: (at: string) => formatDateTime(at, language),
          },
          {
            title: t('contracts.verify.result'),
            key: 'result',
            render: (_, s) =>
              s.valid ? (
                <Tag color="green">{t('contracts.verify.valid')}</Tag>
              ) : (
                <Space orientation="vertical" size={2}>
                  <Tag color="red">{t('contracts.verify.invalid')}</Tag>
                  {s.problems.map((p) => (
                    <Typography.Text key={p.code} type="danger" style={{ fontSize: 12 }}>
                      {p.message}
                    </Typography.Text>
                  ))}
                </Space>
              ),
          },
        ]}
      />
      {document.pendingSigners.length > 0 && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t('contracts.verify.pending', { names: document.pendingSigners.join('、') })}
        </Typography.Paragraph>
      )}
    </Card>
  );
}

/**
 * 验证签署文件 (public, no log-in): upload a contract PDF; the platform computes its SM3 digest, finds the
 * platform document with that digest and re-verifies every SM2 signature and certificate chain, per signer.
 */
export function VerifyDocumentPage() {
  const { t } = useTranslation();
  const verify = useMutation({
    mutationFn: async (file: File) => caseDocumentApi.verify(await file.arrayBuffer()),
  });
  const result = verify.data;

  return (
    <div style={{ maxWidth: 960, margin: '0 auto', padding: 24 }}>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          <SafetyCertificateOutlined /> {t('contracts.verify.title')}
        </Typography.Title>
        <LanguageSwitch />
      </Space>
      <Typography.Paragraph type="secondary">{t('contracts.verify.intro')}</Typography.Paragraph>
      <Upload.Dragger
        accept=".pdf,application/pdf"
        maxCount={1}
        showUploadList={false}
        beforeUpload={(file) => {
          verify.mutate(file);
          return false;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p>{verify.isPending ? t('common.loading') : t('contracts.verify.uploadHint')}</p>
      </Upload.Dragger>
      <Space orientation="vertical" style={{ width: '100%', marginTop: 16 }} size="middle">
        {verify.isError && <ProblemAlert error={verify.error} />}
        {result !== undefined && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('contracts.verify.digest')} <Typography.Text code>{result.digestHex}</Typography.Text>
          </Typography.Text>
        )}
        {result !== undefined && !result.platformDocument && (
          <Alert type="warning" showIcon title={result.message} />
        )}
        {result?.documents.map((d) => (
          <DocumentVerdict key={d.documentId} document={d} />
        ))}
      </Space>
    </div>
  );
}
