import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Modal, Select, Space, Switch, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../common/page-header.tsx';
import { PagedTable } from '../common/paged-table.tsx';
import { ProblemAlert } from '../common/problem-alert.tsx';
import { useListSearchParams } from '../common/use-list-search-params.ts';
import { expertsApi, type Expert } from './evaluators-api.ts';

interface ExpertFormValues {
  name: string;
  title?: string;
  fields: string;
  ipcExpertise: string;
  affiliationName: string;
  active: boolean;
}

const splitList = (text: string | undefined) =>
  (text ?? '')
    .split(/[,，、\s]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');

/** 新增 / 修改专家: the affiliation on the platform (for conflicts) and the login stay as they are on edit. */
function ExpertModal(props: { expert: Expert | null; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ExpertFormValues>();
  const e = props.expert;
  const mutation = useMutation({
    mutationFn: (values: ExpertFormValues) => {
      const body = {
        name: values.name.trim(),
        ...(values.title?.trim() ? { title: values.title.trim() } : {}),
        fields: splitList(values.fields),
        // Codes are separated by commas: a group such as "H01M 10" has a space inside.
        ipcExpertise: (values.ipcExpertise ?? '')
          .split(/[,，、;；\n]+/)
          .map((c) => c.trim().toUpperCase())
          .filter((c) => c !== ''),
        affiliationName: values.affiliationName.trim(),
        active: values.active,
        ...(e?.affiliationOrganisationId ? { affiliationOrganisationId: e.affiliationOrganisationId } : {}),
        ...(e?.userId ? { userId: e.userId } : {}),
        ...(e ? { version: e.version } : {}),
      };
      return e === null ? expertsApi.create(body) : expertsApi.update(e.id, body);
    },
    onSuccess: () => {
      void message.success(t('expertReviews.expertSaved'));
      props.onDone();
    },
  });
  return (
    <Modal
      open
      title={e === null ? t('expertReviews.addExpert') : t('expertReviews.editExpert')}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      destroyOnHidden
    >
      {mutation.error !== null && <ProblemAlert error={mutation.error} />}
      <Form<ExpertFormValues>
        form={form}
        layout="vertical"
        initialValues={{
          name: e?.name ?? '',
          title: e?.title ?? '',
          fields: e?.fields.join('、') ?? '',
          ipcExpertise: e?.ipcExpertise.join(', ') ?? '',
          affiliationName: e?.affiliationName ?? '',
          active: e?.active ?? true,
        }}
        onFinish={(values) => mutation.mutate(values)}
      >
        <Form.Item name="name" label={t('expertReviews.expertName')} rules={[{ required: true }]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="title" label={t('expertReviews.expertTitle')}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="fields" label={t('expertReviews.fields')} rules={[{ required: true }]}>
          <Input placeholder={t('expertReviews.fieldsPlaceholder')} />
        </Form.Item>
        <Form.Item
          name="ipcExpertise"
          label={t('expertReviews.ipcExpertise')}
          extra={t('expertReviews.ipcHelp')}
        >
          <Input placeholder="G06F, H04L" />
        </Form.Item>
        <Form.Item name="affiliationName" label={t('expertReviews.affiliation')} rules={[{ required: true }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="active" label={t('expertReviews.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * 专家库 (expert pool, issue 7 item 7): the bureau's list of experts with fields, IPC expertise, affiliation and
 * how often each was drawn; add, edit and deactivate. Server paging and filters.
 */
export function ExpertListPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const params = useListSearchParams();
  const q = params.text('q');
  const ipc = params.text('ipc');
  const active = params.text('active');
  const [editing, setEditing] = useState<Expert | null | undefined>(undefined);
  const list = useQuery({
    queryKey: ['experts', q, ipc, active, params.page, params.pageSize],
    queryFn: ({ signal }) =>
      expertsApi.find({ q, ipc, active, page: params.page, pageSize: params.pageSize }, signal),
    placeholderData: keepPreviousData,
  });
  const columns: TableColumnsType<Expert> = [
    {
      title: t('expertReviews.expertName'),
      key: 'name',
      render: (_, e) => (
        <Space orientation="vertical" size={0}>
          <span>{e.name}</span>
          {e.title !== null && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {e.title}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    { title: t('expertReviews.fields'), key: 'fields', render: (_, e) => e.fields.join('、') },
    {
      title: t('expertReviews.ipcExpertise'),
      key: 'ipc',
      render: (_, e) =>
        e.ipcExpertise.length === 0 ? '—' : e.ipcExpertise.map((c) => <Tag key={c}>{c}</Tag>),
    },
    { title: t('expertReviews.affiliation'), dataIndex: 'affiliationName', key: 'affiliation' },
    { title: t('expertReviews.engagements'), dataIndex: 'engagementCount', key: 'engagements', width: 100 },
    {
      title: t('expertReviews.active'),
      key: 'active',
      width: 120,
      render: (_, e) => (
        <Space size={4}>
          <Tag color={e.active ? 'green' : 'default'}>
            {e.active ? t('expertReviews.activeYes') : t('expertReviews.activeNo')}
          </Tag>
          {e.hasLogin && <Tag color="blue">{t('expertReviews.hasLogin')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('expertReviews.actions'),
      key: 'actions',
      width: 90,
      render: (_, e) => (
        <Button size="small" onClick={() => setEditing(e)}>
          {t('expertReviews.edit')}
        </Button>
      ),
    },
  ];
  return (
    <>
      <PageHeader
        title={t('expertReviews.poolTitle')}
        subtitle={t('expertReviews.poolSubtitle')}
        extra={
          <Button type="primary" onClick={() => setEditing(null)}>
            {t('expertReviews.addExpert')}
          </Button>
        }
      />
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            defaultValue={q}
            placeholder={t('expertReviews.searchExperts')}
            style={{ width: 240 }}
            onSearch={(v) => params.setFilters({ q: v })}
          />
          <Input.Search
            allowClear
            defaultValue={ipc}
            placeholder={t('expertReviews.ipcFilter')}
            style={{ width: 180 }}
            onSearch={(v) => params.setFilters({ ipc: v })}
          />
          <Select<string>
            allowClear
            value={active ?? null}
            placeholder={t('expertReviews.allExperts')}
            style={{ width: 140 }}
            options={[
              { value: 'true', label: t('expertReviews.activeYes') },
              { value: 'false', label: t('expertReviews.activeNo') },
            ]}
            onChange={(v) => params.setFilters({ active: v })}
          />
        </Space>
        <PagedTable<Expert>
          list={list}
          columns={columns}
          page={params.page}
          pageSize={params.pageSize}
          onPageChange={params.setPage}
          emptyText={t('expertReviews.poolEmpty')}
          filtered={q !== undefined || ipc !== undefined || active !== undefined}
        />
      </Card>
      {editing !== undefined && (
        <ExpertModal
          expert={editing}
          onClose={() => setEditing(undefined)}
          onDone={() => {
            setEditing(undefined);
            void queryClient.invalidateQueries({ queryKey: ['experts'] });
          }}
        />
      )}
    </>
  );
}
