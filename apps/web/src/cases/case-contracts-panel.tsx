import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Collapse, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { apiRequest } from '../api/api-request.ts';
import type { Session } from '../api/api-types.ts';
import { ProblemAlert } from '../common/problem-alert.tsx';
import { formatDateTime } from '../format/format-date-time.ts';
import { currentLanguage } from '../i18n/i18n.ts';
import { hasPermission } from '../session/has-permission.ts';
import { useSession } from '../session/use-session.ts';
import {
  generateBrowserSigningKey,
  loadBrowserSigningKey,
  saveBrowserSigningKey,
  type BrowserSigningKey,
} from '../signing/browser-signing-key.ts';
import {
  caseDocumentApi,
  caseDocumentPdfUrl,
  type CaseDocument,
  type SigningCertificate,
} from '../signing/case-document-api.ts';
import { signDigest } from '../signing/sign-digest.ts';

/** The few facts of the case this panel reads (same query as the case page, so one request serves both). */
interface CaseFacts {
  readonly id: string;
  readonly state: string;
  readonly version: number;
  readonly enterpriseId: string;
  readonly pledgeeKind: string;
}

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

function methodLabel(method: string | null, t: TFunction): string {
  switch (method) {
    case 'browser':
      return t('contracts.method.browser');
    case 'signing_service':
      return t('contracts.method.signingService');
    default:
      return '';
  }
}

/** The browser key with a certificate the platform still accepts, if this browser has one for the user. */
function usableKey(
  key: BrowserSigningKey | null,
  certificates: readonly SigningCertificate[] | undefined,
): BrowserSigningKey | null {
  if (key === null || key.certificateId === null) return null;
  const certificate = certificates?.find((c) => c.id === key.certificateId);
  if (certificate === undefined || certificate.revokedAt !== null) return null;
  return Date.parse(certificate.notAfter) > Date.now() ? key : null;
}

function SignersCell({ document }: { document: CaseDocument }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <Space orientation="vertical" size={2}>
      {document.signers.map((signer) => (
        <Space key={signer.organisationId} size={4} wrap>
          <Tag color={signer.signed ? 'green' : 'default'}>
            {signer.signed ? t('contracts.signed') : t('contracts.unsigned')}
          </Tag>
          <Typography.Text>{signer.organisationName}</Typography.Text>
          {signer.signed && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDateTime(signer.signedAt, language)} · {methodLabel(signer.method, t)}
            </Typography.Text>
          )}
        </Space>
      ))}
    </Space>
  );
}

function DocumentTable({ documents }: { documents: readonly CaseDocument[] }) {
  const { t } = useTranslation();
  return (
    <Table<CaseDocument>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={[...documents]}
      columns={[
        {
          title: t('contracts.document'),
          key: 'kind',
          render: (_, d) => (
            <Space orientation="vertical" size={0}>
              <Typography.Text strong>{kindLabel(d.kind, t)}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {d.contractNumber} · {t('contracts.version', { version: d.version })}
              </Typography.Text>
            </Space>
          ),
        },
        {
          title: t('contracts.digest'),
          key: 'digest',
          render: (_, d) => (
            <Typography.Text code copyable={{ text: d.sm3DigestHex }} style={{ fontSize: 12 }}>
              {`${d.sm3DigestHex.slice(0, 12)}…`}
            </Typography.Text>
          ),
        },
        { title: t('contracts.signers'), key: 'signers', render: (_, d) => <SignersCell document={d} /> },
        {
          title: t('common.actions'),
          key: 'download',
          render: (_, d) => (
            <a href={caseDocumentPdfUrl(d.id)} download>
              {t('contracts.download')}
            </a>
          ),
        },
      ]}
    />
  );
}

interface SignActionsProps {
  readonly caseFacts: CaseFacts;
  readonly session: Session;
  readonly toSign: readonly CaseDocument[];
  readonly onSigned: () => void;
}

/** 签署: make sure this browser holds a certified key, then sign every document's digest here and post. */
function SignActions({ caseFacts, session, toSign, onSigned }: SignActionsProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const userId = session.user.id;
  const [key, setKey] = useState(() => loadBrowserSigningKey(userId));
  const certificates = useQuery({
    queryKey: ['signing-certificates', session.organisation.id],
    queryFn: () => caseDocumentApi.certificates(),
  });
  const usable = usableKey(key, certificates.data);

  const enrol = useMutation({
    mutationFn: async () => {
      const fresh = generateBrowserSigningKey(new Date());
      const certificate = await caseDocumentApi.registerCertificate(fresh.publicKeyHex);
      const certified = { ...fresh, certificateId: certificate.id };
      saveBrowserSigningKey(userId, certified);
      return certified;
    },
    onSuccess: (certified) => {
      setKey(certified);
      void certificates.refetch();
      void message.success(t('contracts.certificateIssued'));
    },
  });
  const sign = useMutation({
    mutationFn: (viaService: boolean) =>
      caseDocumentApi.sign(caseFacts.id, {
        version: caseFacts.version,
        ...(viaService || usable === null
          ? {}
          : {
              signatures: toSign.map((d) => ({
                documentId: d.id,
                digestHex: d.sm3DigestHex,
                signatureHex: signDigest(d.sm3DigestHex, usable),
                certificateId: usable.certificateId!,
              })),
            }),
      }),
    onSuccess: (result) => {
      void message.success(
        result.state === 'contracted' ? t('contracts.signedAndContracted') : t('contracts.signedDone'),
      );
      onSigned();
    },
  });
  const isGuarantor = session.role === 'guarantor_user';

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        {t('contracts.signHint', { count: toSign.length })}
      </Typography.Paragraph>
      <Space wrap>
        {usable === null ? (
          <Button type="primary" loading={enrol.isPending} onClick={() => enrol.mutate()}>
            {t('contracts.issueCertificate')}
          </Button>
        ) : (
          <Popconfirm
            title={t('contracts.signConfirmTitle')}
            description={t('contracts.signConfirm')}
            okText={t('contracts.sign')}
            cancelText={t('common.cancel')}
            onConfirm={() => sign.mutate(false)}
          >
            <Button type="primary" loading={sign.isPending}>
              {t('contracts.sign')}
            </Button>
          </Popconfirm>
        )}
        {isGuarantor && (
          <Button loading={sign.isPending} onClick={() => sign.mutate(true)}>
            {t('contracts.signWithService')}
          </Button>
        )}
      </Space>
      {usable === null && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('contracts.certificateHint')}
        </Typography.Text>
      )}
      {enrol.isError && <ProblemAlert error={enrol.error} />}
      {sign.isError && <ProblemAlert error={sign.error} />}
    </Space>
  );
}

/**
 * 合同与签署 (contracts and signing) of the case page: the contracts with each signer's status and download
 * links; the bank clerk's 生成合同 (the bank signs through its signing service at once); the enterprise's and the
 * guarantor's 签署 with their own SM2 key, generated and kept in this browser (生成签名证书 first).
 */
export function CaseContractsPanel({ caseId, onChanged }: { caseId: string; onChanged: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const session = useSession().data ?? null;
  const caseFacts = useQuery({
    queryKey: ['cases', 'detail', caseId],
    queryFn: () => apiRequest<CaseFacts>(`/cases/${encodeURIComponent(caseId)}`),
  });
  const documents = useQuery({
    queryKey: ['cases', 'documents', caseId],
    queryFn: () => caseDocumentApi.find(caseId),
  });
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['cases', 'documents', caseId] });
    onChanged();
  };
  const prepare = useMutation({
    mutationFn: () =>
      caseDocumentApi.prepare(
        caseId,
        caseFacts.data === undefined ? {} : { version: caseFacts.data.version },
      ),
    onSuccess: () => {
      void message.success(t('contracts.prepared'));
      refresh();
    },
  });

  const facts = caseFacts.data;
  const all = documents.data ?? [];
  const current = all.filter((d) => !d.superseded);
  const superseded = all.filter((d) => d.superseded);
  const approved = facts?.state === 'approved';
  const enterpriseSigned = current.some((d) =>
    d.signers.some((s) => s.organisationId === facts?.enterpriseId && s.signed),
  );
  const canPrepare = approved && !enterpriseSigned && hasPermission(session, 'case.prepare_contract');
  const toSign =
    session === null
      ? []
      : current.filter((d) =>
          d.signers.some((s) => s.organisationId === session.organisation.id && !s.signed),
        );
  const canSign = approved && session !== null && hasPermission(session, 'case.sign') && toSign.length > 0;

  if (documents.isError)
    return <ProblemAlert error={documents.error} onRetry={() => void documents.refetch()} />;
  if (current.length === 0 && !canPrepare) return null;

  return (
    <Card
      data-testid="case-contracts"
      title={t('contracts.title')}
      size="small"
      loading={documents.isPending}
      extra={<Link to="/verify">{t('contracts.verifyLink')}</Link>}
    >
      <Space orientation="vertical" style={{ width: '100%' }} size="middle">
        {current.length === 0 ? (
          <Typography.Text type="secondary">{t('contracts.none')}</Typography.Text>
        ) : (
          <DocumentTable documents={current} />
        )}
        {canPrepare && (
          <Space orientation="vertical" style={{ width: '100%' }}>
            {current.length === 0 ? (
              <Button type="primary" loading={prepare.isPending} onClick={() => prepare.mutate()}>
                {t('contracts.prepare')}
              </Button>
            ) : (
              <Popconfirm
                title={t('contracts.regenerateConfirm')}
                okText={t('contracts.regenerate')}
                cancelText={t('common.cancel')}
                onConfirm={() => prepare.mutate()}
              >
                <Button loading={prepare.isPending}>{t('contracts.regenerate')}</Button>
              </Popconfirm>
            )}
            {prepare.isError && <ProblemAlert error={prepare.error} />}
          </Space>
        )}
        {canSign && facts !== undefined && (
          <SignActions caseFacts={facts} session={session} toSign={toSign} onSigned={refresh} />
        )}
        {superseded.length > 0 && (
          <Collapse
            size="small"
            items={[
              {
                key: 'superseded',
                label: t('contracts.superseded', { count: superseded.length }),
                children: <DocumentTable documents={superseded} />,
              },
            ]}
          />
        )}
      </Space>
    </Card>
  );
}
