import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  DatePicker,
  Drawer,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Space,
  Table,
  Tag,
} from 'antd';
import type { TableColumnsType } from 'antd';
import type dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OrganisationSelect } from '../common/organisation-select.tsx';
import { PageHeader } from '../common/page-header.tsx';
import { ProblemAlert } from '../common/problem-alert.tsx';
import { formatDateTime } from '../format/format-date-time.ts';
import { currentLanguage } from '../i18n/i18n.ts';
import { whitelistRoundApi, type WhitelistRound } from './whitelist-round-api.ts';
import { whitelistRoundDoneLabel, whitelistRoundStatesLabel } from './whitelist-labels.ts';

type Bank = WhitelistRound['banks'][number];
export const ROUND_STATE_COLOURS: Record<string, string> = {
  draft: 'default',
  open: 'blue',
  released: 'green',
  closed: 'purple',
};

/** 白名单轮次 (issue 10 item 2, city bureau): list, create, add banks, open, release, close, release facts. */
export function WhitelistRoundListPage() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [q, setQ] = useState('');
  const [creating, setCreating] = useState(false);
  const [selected, setSelected] = useState<string | null>(null);
  const list = useQuery({
    queryKey: ['whitelist-rounds', page, pageSize, q],
    queryFn: ({ signal }) => whitelistRoundApi.rounds({ page, pageSize, ...(q ? { q } : {}) }, signal),
    placeholderData: keepPreviousData,
  });
  const columns: TableColumnsType<WhitelistRound> = [
    { title: t('whitelistRounds.roundNumber'), dataIndex: 'roundNumber', key: 'roundNumber' },
    { title: t('whitelistRounds.roundTitle'), dataIndex: 'title', key: 'title' },
    {
      title: t('whitelistRounds.period'),
      key: 'period',
      render: (_, r) => `${r.periodFrom} ~ ${r.periodTo}`,
    },
    { title: 'k', dataIndex: 'k', key: 'k', align: 'right' },
    { title: t('whitelistRounds.banks'), key: 'banks', align: 'right', render: (_, r) => r.banks.length },
    {
      title: t('whitelistRounds.state'),
      key: 'state',
      render: (_, r) => (
        <Tag color={ROUND_STATE_COLOURS[r.state] ?? 'default'}>{whitelistRoundStatesLabel(r.state, t)}</Tag>
      ),
    },
    {
      title: t('whitelistRounds.createdAt'),
      key: 'createdAt',
      render: (_, r) => formatDateTime(r.createdAt, currentLanguage()),
    },
    {
      title: '',
      key: 'open',
      render: (_, r) => (
        <Button type="link" onClick={() => setSelected(r.id)}>
          {t('whitelistRounds.manage')}
        </Button>
      ),
    },
  ];
  return (
    <>
      <PageHeader
        title={t('whitelistRounds.bureauTitle')}
        subtitle={t('whitelistRounds.bureauSubtitle')}
        extra={
          <Button type="primary" onClick={() => setCreating(true)}>
            {t('whitelistRounds.create')}
          </Button>
        }
      />
      <Card>
        <Input.Search
          allowClear
          placeholder={t('whitelistRounds.search')}
          style={{ maxWidth: 320, marginBottom: 16 }}
          onSearch={(v) => {
            setQ(v.trim());
            setPage(1);
          }}
        />
        {list.isError && <ProblemAlert error={list.error} onRetry={() => void list.refetch()} />}
        <Table<WhitelistRound>
          rowKey="id"
          loading={list.isPending}
          dataSource={list.data?.items ?? []}
          columns={columns}
          locale={{ emptyText: q ? t('common.noMatch') : t('whitelistRounds.noRounds') }}
          pagination={{
            current: page,
            pageSize,
            total: list.data?.total ?? 0,
            onChange: (p, s) => {
              setPage(p);
              setPageSize(s);
            },
          }}
        />
      </Card>
      <CreateRoundModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(id) => setSelected(id)}
      />
      <RoundDrawer roundId={selected} onClose={() => setSelected(null)} />
    </>
  );
}

function CreateRoundModal(props: { open: boolean; onClose: () => void; onCreated: (id: string) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{
    title: string;
    period: [dayjs.Dayjs, dayjs.Dayjs];
    k: number;
    quota: number;
  }>();
  const create = useMutation({
    mutationFn: (v: { title: string; period: [dayjs.Dayjs, dayjs.Dayjs]; k: number; quota: number }) =>
      whitelistRoundApi.create({
        title: v.title,
        periodFrom: v.period[0].format('YYYY-MM-DD'),
        periodTo: v.period[1].format('YYYY-MM-DD'),
        k: v.k,
        scorecardQuota: v.quota,
      }),
    onSuccess: (round) => {
      void queryClient.invalidateQueries({ queryKey: ['whitelist-rounds'] });
      form.resetFields();
      props.onClose();
      props.onCreated(round.id);
    },
  });
  return (
    <Modal
      open={props.open}
      title={t('whitelistRounds.create')}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
    >
      {create.error && <ProblemAlert error={create.error} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ k: 5, quota: 3 }}
        onFinish={(v) => create.mutate(v)}
      >
        <Form.Item name="title" label={t('whitelistRounds.roundTitle')} rules={[{ required: true, min: 2 }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="period" label={t('whitelistRounds.period')} rules={[{ required: true }]}>
          <DatePicker.RangePicker />
        </Form.Item>
        <Form.Item name="k" label={t('whitelistRounds.kLabel')} extra={t('whitelistRounds.kHelp')}>
          <InputNumber min={2} max={100} />
        </Form.Item>
        <Form.Item name="quota" label={t('whitelistRounds.quota')}>
          <InputNumber min={1} max={20} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function RoundDrawer(props: { roundId: string | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [bankId, setBankId] = useState<string | undefined>();
  const round = useQuery({
    queryKey: ['whitelist-round', props.roundId],
    queryFn: ({ signal }) => whitelistRoundApi.round(props.roundId!, signal),
    enabled: props.roundId !== null,
  });
  const refresh = (r: WhitelistRound) => {
    queryClient.setQueryData(['whitelist-round', r.id], r);
    void queryClient.invalidateQueries({ queryKey: ['whitelist-rounds'] });
  };
  const act = useMutation({
    mutationFn: (action: 'open' | 'release' | 'close') => whitelistRoundApi.act(props.roundId!, action),
    onSuccess: (r) => {
      refresh(r);
      void message.success(whitelistRoundDoneLabel(r.state, t));
    },
  });
  const add = useMutation({
    mutationFn: (id: string) => whitelistRoundApi.addBank(props.roundId!, id),
    onSuccess: (r) => {
      refresh(r);
      setBankId(undefined);
    },
  });
  const r = round.data;
  const en = i18n.language === 'en';
  return (
    <Drawer
      open={props.roundId !== null}
      onClose={props.onClose}
      size="large"
      title={r ? `${r.roundNumber} ${r.title}` : ''}
    >
      {round.isError && <ProblemAlert error={round.error} onRetry={() => void round.refetch()} />}
      {(act.error ?? add.error) && <ProblemAlert error={act.error ?? add.error} />}
      {r && (
        <>
          <Space wrap style={{ marginBottom: 16 }}>
            <Tag color={ROUND_STATE_COLOURS[r.state] ?? 'default'}>
              {whitelistRoundStatesLabel(r.state, t)}
            </Tag>
            <span>k = {r.k}</span>
            <span>{t('whitelistRounds.quotaShort', { quota: r.scorecardQuota })}</span>
            {r.state === 'draft' && (
              <Button type="primary" loading={act.isPending} onClick={() => act.mutate('open')}>
                {t('whitelistRounds.open')}
              </Button>
            )}
            {r.state === 'open' && (
              <Popconfirm title={t('whitelistRounds.releaseConfirm')} onConfirm={() => act.mutate('release')}>
                <Button type="primary" loading={act.isPending}>
                  {t('whitelistRounds.release')}
                </Button>
              </Popconfirm>
            )}
            {(r.state === 'open' || r.state === 'released') && (
              <Popconfirm title={t('whitelistRounds.closeConfirm')} onConfirm={() => act.mutate('close')}>
                <Button>{t('whitelistRounds.close')}</Button>
              </Popconfirm>
            )}
          </Space>
          {(r.state === 'draft' || r.state === 'open') && (
            <Space style={{ marginBottom: 16 }}>
              <OrganisationSelect
                kind="bank"
                {...(bankId === undefined ? {} : { value: bankId })}
                onChange={setBankId}
                placeholder={t('whitelistRounds.pickBank')}
                style={{ width: 320 }}
              />
              <Button disabled={!bankId} loading={add.isPending} onClick={() => bankId && add.mutate(bankId)}>
                {t('whitelistRounds.addBank')}
              </Button>
            </Space>
          )}
          <Table<Bank>
            rowKey="bankOrganisationId"
            size="small"
            dataSource={r.banks}
            pagination={false}
            locale={{ emptyText: t('whitelistRounds.noBanks') }}
            columns={[
              {
                title: t('whitelistRounds.bank'),
                key: 'bank',
                render: (_, b) => (en ? b.bankNameEn : b.bankNameZh),
              },
              {
                title: t('whitelistRounds.rows'),
                key: 'rows',
                align: 'right',
                render: (_, b) => b.release?.rowCount ?? '—',
              },
              { title: 'k', key: 'k', align: 'right', render: (_, b) => b.release?.k ?? '—' },
              {
                title: t('whitelistRounds.suppressed'),
                key: 'suppressed',
                align: 'right',
                render: (_, b) => b.release?.suppressedCount ?? '—',
              },
              {
                title: t('whitelistRounds.smallestClass'),
                key: 'smallest',
                align: 'right',
                render: (_, b) => b.release?.smallestClass ?? '—',
              },
              {
                title: t('whitelistRounds.scorecardsUsed'),
                key: 'used',
                align: 'right',
                render: (_, b) => `${b.scorecardsUsed}/${r.scorecardQuota}`,
              },
            ]}
          />
        </>
      )}
    </Drawer>
  );
}
