import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, DatePicker, Form, Input, Modal, Select, Space, Tag, Tooltip } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { recordedComplianceFlagKinds } from '@ipf/domain/whitelist';
import { enterpriseApi } from '../api/enterprise-api.ts';
import { PageHeader } from '../common/page-header.tsx';
import { PagedTable } from '../common/paged-table.tsx';
import { ProblemAlert } from '../common/problem-alert.tsx';
import { useDebouncedValue } from '../common/use-debounced-value.ts';
import { formatDateTime } from '../format/format-date-time.ts';
import { hasPermission } from '../session/has-permission.ts';
import { useSession } from '../session/use-session.ts';
import { complianceApi, type ComplianceFlagView } from './compliance-api.ts';
import { ComplianceFlagImportModal } from './compliance-flag-import-modal.tsx';
import { complianceFlagKindLabel } from './compliance-labels.ts';

const PAGE_SIZE = 20;

/**
 * 合规标记 (issue 10 item 4): the city bureau's list of enterprise compliance flags — search by name or USCC,
 * filter by kind and by whether a flag holds today — with recording (登记) and clearing (移出, with date and
 * reason); a district bureau reads its district's, an enterprise its own. A flag holding on the build day keeps
 * the enterprise off every bank's whitelist.
 */
export function ComplianceFlagPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'zh-CN';
  const session = useSession();
  const canRecord = hasPermission(session.data, 'compliance_flag.record');
  const canClear = hasPermission(session.data, 'compliance_flag.clear');
  const isEnterprise = session.data?.role === 'enterprise_user';
  const [page, setPage] = useState(1);
  const [searchText, setSearchText] = useState('');
  const search = useDebouncedValue(searchText.trim(), 300);
  const [kind, setKind] = useState<string | undefined>(undefined);
  const [active, setActive] = useState<'yes' | 'no' | undefined>(undefined);
  const [recording, setRecording] = useState(false);
  const [importing, setImporting] = useState(false);
  const [clearing, setClearing] = useState<ComplianceFlagView | null>(null);
  const list = useQuery({
    queryKey: ['compliance-flags', page, search, kind, active],
    queryFn: ({ signal }) =>
      complianceApi.find(
        {
          page,
          pageSize: PAGE_SIZE,
          ...(search === '' ? {} : { search }),
          ...(kind === undefined ? {} : { kind }),
          ...(active === undefined ? {} : { active: active === 'yes' }),
        },
        signal,
      ),
  });
  const kindOptions = [...recordedComplianceFlagKinds, 'platform_default' as const].map((k) => ({
    value: k,
    label: complianceFlagKindLabel(k, t),
  }));

  const columns: TableColumnsType<ComplianceFlagView> = [
    ...(isEnterprise
      ? []
      : [
          {
            title: t('compliance.enterprise'),
            key: 'enterprise',
            render: (_: unknown, f: ComplianceFlagView) => (
              <Space direction="vertical" size={0}>
                {f.enterpriseName}
                <span style={{ color: '#888' }}>{f.uscc}</span>
              </Space>
            ),
          },
        ]),
    { title: t('compliance.kind'), key: 'kind', render: (_, f) => complianceFlagKindLabel(f.kind, t) },
    {
      title: t('compliance.source'),
      key: 'source',
      render: (_, f) => (
        <Space direction="vertical" size={0}>
          {f.sourceAuthority}
          <span style={{ color: '#888' }}>{f.sourceReference}</span>
        </Space>
      ),
    },
    { title: t('compliance.effectiveOn'), dataIndex: 'effectiveOn', key: 'effectiveOn' },
    {
      title: t('compliance.status'),
      key: 'status',
      render: (_, f) =>
        f.active ? (
          <Tag color="red">{t('compliance.active')}</Tag>
        ) : f.clearedOn === null ? (
          <Tag>{t('compliance.notYetEffective')}</Tag>
        ) : (
          <Tooltip title={f.clearReason}>
            <Tag color="green">{t('compliance.clearedOn', { date: f.clearedOn })}</Tag>
          </Tooltip>
        ),
    },
    {
      title: t('compliance.recorded'),
      key: 'recorded',
      render: (_, f) => `${f.recordedBy} · ${formatDateTime(f.recordedAt, language)}`,
    },
    ...(canClear
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, f: ComplianceFlagView) =>
              f.clearedOn === null ? (
                <Button type="link" onClick={() => setClearing(f)}>
                  {t('compliance.clear')}
                </Button>
              ) : null,
          },
        ]
      : []),
  ];

  return (
    <>
      <PageHeader
        title={isEnterprise ? t('compliance.mineTitle') : t('compliance.title')}
        subtitle={isEnterprise ? t('compliance.mineSubtitle') : t('compliance.subtitle')}
        extra={
          canRecord ? (
            <Space>
              <Button onClick={() => setImporting(true)}>{t('compliance.import.button')}</Button>
              <Button type="primary" onClick={() => setRecording(true)}>
                {t('compliance.record')}
              </Button>
            </Space>
          ) : undefined
        }
      />
      <Space wrap style={{ marginBottom: 16 }}>
        {!isEnterprise && (
          <Input.Search
            allowClear
            style={{ width: 280 }}
            placeholder={t('compliance.searchPlaceholder')}
            value={searchText}
            onChange={(e) => {
              setSearchText(e.target.value);
              setPage(1);
            }}
          />
        )}
        <Select
          allowClear
          style={{ width: 220 }}
          placeholder={t('compliance.kind')}
          options={kindOptions}
          value={kind}
          onChange={(value?: string) => {
            setKind(value);
            setPage(1);
          }}
        />
        <Select
          allowClear
          style={{ width: 160 }}
          placeholder={t('compliance.status')}
          options={[
            { value: 'yes', label: t('compliance.active') },
            { value: 'no', label: t('compliance.inactive') },
          ]}
          value={active}
          onChange={(value?: 'yes' | 'no') => {
            setActive(value);
            setPage(1);
          }}
        />
      </Space>
      <PagedTable<ComplianceFlagView>
        list={list}
        columns={columns}
        page={page}
        pageSize={PAGE_SIZE}
        onPageChange={(p) => setPage(p)}
        emptyText={t('compliance.empty')}
        filtered={search !== '' || kind !== undefined || active !== undefined}
      />
      {recording && <RecordFlagModal onClose={() => setRecording(false)} />}
      {importing && <ComplianceFlagImportModal onClose={() => setImporting(false)} />}
      {clearing !== null && <ClearFlagModal flag={clearing} onClose={() => setClearing(null)} />}
    </>
  );
}

interface RecordForm {
  enterpriseId: string;
  kind: string;
  sourceAuthority: string;
  sourceReference: string;
  effectiveOn: dayjs.Dayjs;
  note?: string;
}

function RecordFlagModal(props: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<RecordForm>();
  const [enterpriseText, setEnterpriseText] = useState('');
  const q = useDebouncedValue(enterpriseText.trim(), 300);
  const enterprises = useQuery({
    queryKey: ['compliance-enterprise-search', q],
    queryFn: ({ signal }) =>
      enterpriseApi.find({ ...(q === '' ? {} : { q }), page: 1, pageSize: 20 }, signal),
  });
  const mutation = useMutation({
    mutationFn: (values: RecordForm) =>
      complianceApi.record({
        enterpriseId: values.enterpriseId,
        kind: values.kind,
        sourceAuthority: values.sourceAuthority,
        sourceReference: values.sourceReference,
        effectiveOn: values.effectiveOn.format('YYYY-MM-DD'),
        ...(values.note === undefined || values.note.trim() === '' ? {} : { note: values.note }),
      }),
    onSuccess: () => {
      void message.success(t('compliance.recordedMessage'));
      void queryClient.invalidateQueries({ queryKey: ['compliance-flags'] });
      props.onClose();
    },
  });
  return (
    <Modal
      open
      title={t('compliance.record')}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      onOk={() => void form.validateFields().then((values) => mutation.mutate(values))}
      onCancel={props.onClose}
    >
      {mutation.error && <ProblemAlert error={mutation.error} />}
      <Form form={form} layout="vertical" initialValues={{ effectiveOn: dayjs() }}>
        <Form.Item name="enterpriseId" label={t('compliance.enterprise')} rules={[{ required: true }]}>
          <Select
            showSearch
            filterOption={false}
            onSearch={setEnterpriseText}
            loading={enterprises.isFetching}
            placeholder={t('compliance.searchPlaceholder')}
            options={(enterprises.data?.items ?? []).map((e) => ({
              value: e.id,
              label: `${e.name}（${e.uscc}）`,
            }))}
          />
        </Form.Item>
        <Form.Item name="kind" label={t('compliance.kind')} rules={[{ required: true }]}>
          <Select
            options={recordedComplianceFlagKinds.map((k) => ({
              value: k,
              label: complianceFlagKindLabel(k, t),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="sourceAuthority"
          label={t('compliance.sourceAuthority')}
          rules={[{ required: true, min: 2, max: 100 }]}
        >
          <Input placeholder={t('compliance.sourceAuthorityPlaceholder')} />
        </Form.Item>
        <Form.Item
          name="sourceReference"
          label={t('compliance.sourceReference')}
          rules={[{ required: true, min: 2, max: 100 }]}
        >
          <Input placeholder={t('compliance.sourceReferencePlaceholder')} />
        </Form.Item>
        <Form.Item name="effectiveOn" label={t('compliance.effectiveOn')} rules={[{ required: true }]}>
          <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item name="note" label={t('compliance.note')} rules={[{ max: 500 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface ClearForm {
  clearedOn: dayjs.Dayjs;
  reason: string;
}

function ClearFlagModal(props: { flag: ComplianceFlagView; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ClearForm>();
  const mutation = useMutation({
    mutationFn: (values: ClearForm) =>
      complianceApi.clear(props.flag.id, {
        clearedOn: values.clearedOn.format('YYYY-MM-DD'),
        reason: values.reason,
      }),
    onSuccess: () => {
      void message.success(t('compliance.clearedMessage'));
      void queryClient.invalidateQueries({ queryKey: ['compliance-flags'] });
      props.onClose();
    },
  });
  return (
    <Modal
      open
      title={`${t('compliance.clear')} · ${props.flag.enterpriseName} · ${complianceFlagKindLabel(props.flag.kind, t)}`}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      onOk={() => void form.validateFields().then((values) => mutation.mutate(values))}
      onCancel={props.onClose}
    >
      {mutation.error && <ProblemAlert error={mutation.error} />}
      <Form form={form} layout="vertical" initialValues={{ clearedOn: dayjs() }}>
        <Form.Item name="clearedOn" label={t('compliance.clearedOnLabel')} rules={[{ required: true }]}>
          <DatePicker
            disabledDate={(d) =>
              d.isAfter(dayjs(), 'day') || !d.isAfter(dayjs(props.flag.effectiveOn), 'day')
            }
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('compliance.clearReason')}
          rules={[{ required: true, min: 2, max: 500 }]}
        >
          <Input.TextArea rows={3} placeholder={t('compliance.clearReasonPlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
