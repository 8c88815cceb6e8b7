import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Descriptions, Empty, Popconfirm, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../common/page-header.tsx';
import { ProblemAlert } from '../common/problem-alert.tsx';
import { formatDateTime } from '../format/format-date-time.ts';
import { currentLanguage } from '../i18n/i18n.ts';
import { whitelistRoundApi, type WhitelistProgramme } from './whitelist-round-api.ts';
import { whitelistRoundConsentStateLabel } from './whitelist-labels.ts';

type ConsentRow = WhitelistProgramme['history'][number];
const STATE_COLOURS = { active: 'green', expired: 'default', revoked: 'red' } as const;

/**
 * 白名单计划 (issue 10 item 1): the enterprise joins with an expiry it chooses, sees the scope, purpose and recipient
 * of its consent, leaves at any time; its earlier programme consents are listed.
 */
export function WhitelistProgrammePage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const en = i18n.language === 'en';
  const [expiresOn, setExpiresOn] = useState<dayjs.Dayjs | null>(dayjs().add(1, 'year'));
  const programme = useQuery({
    queryKey: ['whitelist-programme'],
    queryFn: ({ signal }) => whitelistRoundApi.programme(signal),
  });
  const done = (data: WhitelistProgramme) => {
    queryClient.setQueryData(['whitelist-programme'], data);
    void queryClient.invalidateQueries({ queryKey: ['consents'] });
  };
  const join = useMutation({
    mutationFn: () => whitelistRoundApi.join(expiresOn!.format('YYYY-MM-DD')),
    onSuccess: (data) => {
      done(data);
      void message.success(t('whitelistRounds.joined'));
    },
  });
  const leave = useMutation({
    mutationFn: () => whitelistRoundApi.leave(),
    onSuccess: (data) => {
      done(data);
      void message.success(t('whitelistRounds.left'));
    },
  });
  const data = programme.data;
  return (
    <>
      <PageHeader
        title={t('whitelistRounds.programmeTitle')}
        subtitle={t('whitelistRounds.programmeSubtitle')}
      />
      {programme.isError && <ProblemAlert error={programme.error} onRetry={() => void programme.refetch()} />}
      {(join.error ?? leave.error) && <ProblemAlert error={join.error ?? leave.error} />}
      <Card loading={programme.isPending}>
        {data && (
          <>
            <Descriptions column={1} bordered size="small">
              <Descriptions.Item label={t('whitelistRounds.status')}>
                {data.joined ? (
                  <Tag color="green">
                    {t('whitelistRounds.joinedUntil', { date: data.current?.expiresOn ?? '' })}
                  </Tag>
                ) : (
                  <Tag>{t('whitelistRounds.notJoined')}</Tag>
                )}
              </Descriptions.Item>
              <Descriptions.Item label={t('whitelistRounds.scope')}>
                {t('whitelistRounds.scopeText')}
              </Descriptions.Item>
              <Descriptions.Item label={t('whitelistRounds.purpose')}>{data.purpose}</Descriptions.Item>
              <Descriptions.Item label={t('whitelistRounds.recipient')}>
                {en ? data.recipientNameEn : data.recipientNameZh}
              </Descriptions.Item>
            </Descriptions>
            <Space style={{ marginTop: 16 }} wrap>
              {data.joined ? (
                <Popconfirm title={t('whitelistRounds.leaveConfirm')} onConfirm={() => leave.mutate()}>
                  <Button danger loading={leave.isPending}>
                    {t('whitelistRounds.leave')}
                  </Button>
                </Popconfirm>
              ) : (
                <>
                  <span>{t('whitelistRounds.expiresOn')}</span>
                  <DatePicker
                    value={expiresOn}
                    onChange={setExpiresOn}
                    disabledDate={(d) =>
                      !d.isAfter(dayjs(), 'day') || d.isAfter(dayjs(data.maxExpiresOn), 'day')
                    }
                  />
                  <Button
                    type="primary"
                    disabled={expiresOn === null}
                    loading={join.isPending}
                    onClick={() => join.mutate()}
                  >
                    {t('whitelistRounds.join')}
                  </Button>
                </>
              )}
            </Space>
          </>
        )}
      </Card>
      <Card title={t('whitelistRounds.history')} style={{ marginTop: 16 }}>
        <Table<ConsentRow>
          rowKey="id"
          size="small"
          dataSource={data?.history ?? []}
          pagination={{ pageSize: 10 }}
          locale={{ emptyText: <Empty description={t('whitelistRounds.noHistory')} /> }}
          columns={[
            {
              title: t('whitelistRounds.grantedAt'),
              key: 'grantedAt',
              render: (_, r) => formatDateTime(r.grantedAt, currentLanguage()),
            },
            { title: t('whitelistRounds.expiresOn'), dataIndex: 'expiresOn', key: 'expiresOn' },
            {
              title: t('whitelistRounds.status'),
              key: 'state',
              render: (_, r) => (
                <Tag color={STATE_COLOURS[r.state]}>{whitelistRoundConsentStateLabel(r.state, t)}</Tag>
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
