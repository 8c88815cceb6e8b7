import { UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Empty,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  Upload,
  type UploadFile,
} from 'antd';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  caseAttachmentDeletableStates,
  caseAttachmentKinds,
  isTerminalCaseState,
  type CaseState,
} from '@ipf/domain/ledger';
import { ProblemAlert } from '../common/problem-alert.tsx';
import { formatDateTime } from '../format/format-date-time.ts';
import { currentLanguage, type Language } from '../i18n/i18n.ts';
import { hasPermission } from '../session/has-permission.ts';
import { useSession } from '../session/use-session.ts';
import { checkPickedFile, formatFileSize } from './attachment-file-type.ts';
import {
  caseAttachmentApi,
  caseAttachmentContentUrl,
  readFileAsBase64,
  type CaseAttachment,
  type CaseConsent,
} from './case-attachment-api.ts';

/** 材料类型 label from the domain's list, in the UI language. */
export function attachmentKindLabel(kind: string, language: Language): string {
  const entry = caseAttachmentKinds.find((k) => k.code === kind);
  if (entry === undefined) return kind;
  return language === 'en' ? entry.en : entry.zh;
}

/** Kind options, the uploader's own kinds first (the enterprise's documents, or the bank's 尽调材料). */
export function attachmentKindOptions(language: Language, uploader: 'enterprise' | 'bank') {
  return [...caseAttachmentKinds]
    .sort((a, b) => Number(b.uploader === uploader) - Number(a.uploader === uploader))
    .map((k) => ({ value: k.code, label: language === 'en' ? k.en : k.zh }));
}

/** The problem text of a picked file the server would refuse, or null. */
export function pickedFileProblem(file: { name: string; size: number; type: string }, t: TFunction) {
  const check = checkPickedFile(file);
  if (check.ok) return null;
  switch (check.problem) {
    case 'type':
      return t('caseAttachments.fileTypeNotAllowed', { name: file.name });
    case 'size':
      return t('caseAttachments.fileTooLarge', { name: file.name });
    case 'empty':
      return t('caseAttachments.fileEmpty', { name: file.name });
  }
}

function consentScopeLabel(scope: string, t: TFunction): string {
  switch (scope) {
    case 'financials':
      return t('consents.scopes.financials');
    case 'credit_report':
      return t('consents.scopes.credit_report');
    case 'financing_record':
      return t('consents.scopes.financing_record');
    default:
      return scope;
  }
}

function consentStateTag(state: CaseConsent['state'], t: TFunction) {
  switch (state) {
    case 'active':
      return <Tag color="green">{t('consents.states.active')}</Tag>;
    case 'expired':
      return <Tag>{t('consents.states.expired')}</Tag>;
    case 'revoked':
      return <Tag color="red">{t('consents.states.revoked')}</Tag>;
  }
}

/** The bank clerk or the enterprise adds one document: kind, file, upload. */
function UploadForm(props: { caseId: string; uploader: 'enterprise' | 'bank'; onUploaded: () => void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { message } = App.useApp();
  const [kind, setKind] = useState<string | undefined>(undefined);
  const [file, setFile] = useState<UploadFile | undefined>(undefined);
  const [pickProblem, setPickProblem] = useState<string | null>(null);
  const upload = useMutation({
    mutationFn: async () => {
      const raw = file!.originFileObj!;
      const check = checkPickedFile(raw);
      return caseAttachmentApi.upload(props.caseId, {
        kind: kind!,
        fileName: raw.name,
        mimeType: check.ok ? check.mimeType : raw.type,
        contentBase64: await readFileAsBase64(raw),
      });
    },
    onSuccess: () => {
      void message.success(t('caseAttachments.uploaded', { count: 1 }));
      setFile(undefined);
      setKind(undefined);
      props.onUploaded();
    },
  });
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="case-attachment-upload">
      <Space wrap align="start">
        <Select
          style={{ width: 200 }}
          placeholder={t('caseAttachments.kindPlaceholder')}
          value={kind}
          onChange={setKind}
          options={attachmentKindOptions(language, props.uploader)}
          aria-label={t('caseAttachments.kind')}
        />
        <Upload
          maxCount={1}
          fileList={file === undefined ? [] : [file]}
          beforeUpload={(picked) => {
            const problem = pickedFileProblem(picked, t);
            setPickProblem(problem);
            if (problem === null)
              setFile({ uid: picked.uid, name: picked.name, size: picked.size, originFileObj: picked });
            return false;
          }}
          onRemove={() => setFile(undefined)}
          accept=".pdf,.jpg,.jpeg,.png,.xlsx"
        >
          <Button icon={<UploadOutlined />}>{t('caseAttachments.pickFile')}</Button>
        </Upload>
        <Button
          type="primary"
          disabled={kind === undefined || file === undefined}
          loading={upload.isPending}
          onClick={() => upload.mutate()}
        >
          {t('caseAttachments.upload')}
        </Button>
      </Space>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('caseAttachments.pickHint')}
      </Typography.Text>
      {pickProblem !== null && <Typography.Text type="danger">{pickProblem}</Typography.Text>}
      {upload.isError && <ProblemAlert error={upload.error} />}
    </Space>
  );
}

/**
 * 申请材料 of the case page: every document with kind, file, size, uploader and time, downloadable by every
 * reader of the case; the enterprise and the case's bank clerk add documents while the case is open, and the
 * uploader deletes its own before approval. Below, the consents the application granted (bank and bureau).
 */
export function CaseAttachmentsPanel(props: { caseId: string; caseState: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { message } = App.useApp();
  const session = useSession().data;
  const queryClient = useQueryClient();
  const queryKey = ['cases', 'attachments', props.caseId];
  const attachments = useQuery({ queryKey, queryFn: () => caseAttachmentApi.find(props.caseId) });
  const consents = useQuery({
    queryKey: ['cases', 'consents', props.caseId],
    queryFn: () => caseAttachmentApi.consents(props.caseId),
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey });
  const remove = useMutation({
    mutationFn: (id: string) => caseAttachmentApi.delete(id),
    onSuccess: () => {
      void message.success(t('caseAttachments.deleted'));
      refresh();
    },
  });

  const state = props.caseState as CaseState;
  const canUpload =
    hasPermission(session, 'case_attachment.upload') && !isTerminalCaseState(state) && session !== null;
  const deletable = caseAttachmentDeletableStates.includes(state);
  const uploader = session?.organisation.kind === 'bank' ? 'bank' : 'enterprise';

  return (
    <>
      <Card
        data-testid="case-attachments"
        title={t('caseAttachments.title')}
        size="small"
        style={{ marginTop: 16 }}
      >
        <Space orientation="vertical" style={{ width: '100%' }} size="middle">
          {attachments.isError ? (
            <ProblemAlert error={attachments.error} onRetry={() => void attachments.refetch()} />
          ) : (
            <Table<CaseAttachment>
              size="small"
              rowKey="id"
              loading={attachments.isPending}
              dataSource={attachments.data ?? []}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              locale={{
                emptyText: (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('caseAttachments.empty')} />
                ),
              }}
              columns={[
                {
                  title: t('caseAttachments.kind'),
                  key: 'kind',
                  width: 140,
                  render: (_, a) => <Tag>{attachmentKindLabel(a.kind, language)}</Tag>,
                },
                {
                  title: t('caseAttachments.fileName'),
                  key: 'fileName',
                  render: (_, a) => (
                    <Space orientation="vertical" size={0}>
                      <Typography.Text>{a.fileName}</Typography.Text>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {formatFileSize(a.sizeBytes)} · SM3{' '}
                        <Typography.Text code copyable={{ text: a.sm3DigestHex }} style={{ fontSize: 12 }}>
                          {`${a.sm3DigestHex.slice(0, 12)}…`}
                        </Typography.Text>
                      </Typography.Text>
                    </Space>
                  ),
                },
                {
                  title: t('caseAttachments.uploadedBy'),
                  key: 'uploadedBy',
                  render: (_, a) => (
                    <Space orientation="vertical" size={0}>
                      <Typography.Text>
                        {language === 'en' ? a.uploadedByOrganisationNameEn : a.uploadedByOrganisationNameZh}
                      </Typography.Text>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {a.uploadedByName}
                      </Typography.Text>
                    </Space>
                  ),
                },
                {
                  title: t('caseAttachments.uploadedAt'),
                  dataIndex: 'uploadedAt',
                  key: 'uploadedAt',
                  width: 150,
                  render: (v: string) => formatDateTime(v, language),
                },
                {
                  title: t('caseAttachments.actions'),
                  key: 'actions',
                  width: 140,
                  render: (_, a) => (
                    <Space size={4}>
                      <a href={caseAttachmentContentUrl(a.id)} download={a.fileName}>
                        {t('caseAttachments.download')}
                      </a>
                      {deletable && a.uploadedByUserId === session?.user.id && (
                        <Popconfirm
                          title={t('caseAttachments.deleteConfirm', { name: a.fileName })}
                          okText={t('caseAttachments.delete')}
                          okButtonProps={{ danger: true }}
                          cancelText={t('common.cancel')}
                          onConfirm={() => remove.mutate(a.id)}
                        >
                          <Button type="link" danger size="small" loading={remove.isPending}>
                            {t('caseAttachments.delete')}
                          </Button>
                        </Popconfirm>
                      )}
                    </Space>
                  ),
                },
              ]}
            />
          )}
          {remove.isError && <ProblemAlert error={remove.error} />}
          {!deletable && (attachments.data?.length ?? 0) > 0 && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('caseAttachments.lockedHint')}
            </Typography.Text>
          )}
          {canUpload && <UploadForm caseId={props.caseId} uploader={uploader} onUploaded={refresh} />}
        </Space>
      </Card>

      <Card
        data-testid="case-consents"
        title={t('caseAttachments.consentsTitle')}
        size="small"
        style={{ marginTop: 16 }}
      >
        {consents.isError ? (
          <ProblemAlert error={consents.error} onRetry={() => void consents.refetch()} />
        ) : (
          <Table<CaseConsent>
            size="small"
            rowKey="id"
            loading={consents.isPending}
            dataSource={consents.data ?? []}
            pagination={false}
            locale={{ emptyText: t('caseAttachments.consentsEmpty') }}
            columns={[
              {
                title: t('consents.recipient'),
                key: 'recipient',
                render: (_, c) => (language === 'en' ? c.recipientNameEn : c.recipientNameZh),
              },
              { title: t('consents.scope'), key: 'scope', render: (_, c) => consentScopeLabel(c.scope, t) },
              {
                title: t('consents.grantedAt'),
                dataIndex: 'grantedAt',
                key: 'grantedAt',
                render: (v: string) => formatDateTime(v, language),
              },
              { title: t('consents.expiresOn'), dataIndex: 'expiresOn', key: 'expiresOn' },
              { title: t('consents.state'), key: 'state', render: (_, c) => consentStateTag(c.state, t) },
            ]}
          />
        )}
      </Card>
    </>
  );
}
